package io.reelhub.dispatch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.ops.HubFolders;

/**
 * Copies the finished video into the hub's work area at once: provider outputs expire within the hour. A failed
 * download is retried as a download; it never re-runs the paid generation.
 */
@Component
class DownloadStep implements JobStep {

    private final JobStore store;
    private final ProviderRegistry providers;
    private final HubFolders folders;

    DownloadStep(JobStore store, ProviderRegistry providers, HubFolders folders) {
        this.store = store;
        this.providers = providers;
        this.folders = folders;
    }

    @Override
    public Set<JobState> handles() {
        return Set.of(JobState.DOWNLOADING);
    }

    @Override
    public String name() {
        return "download";
    }

    @Override
    public void run(Job job) {
        Path clip = folders.work(job.id()).resolve(job.shotId() + ".mp4");
        long bytes = providers.named(job.provider())
                .download(new ProviderJob(job.providerJobId(), job.providerStateJson()), clip);
        store.transition(job.id(), JobState.DOWNLOADING, JobState.PROCESSING,
                "downloaded " + bytes + " bytes", JobChanges.none()
                        .set("clip_path", clip.toString())
                        .set("next_action_at", Instant.now())
                        .set("last_error", null));
    }
}
