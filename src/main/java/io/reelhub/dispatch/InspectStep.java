package io.reelhub.dispatch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.MediaToolException;
import io.reelhub.media.ProbeResult;
import io.reelhub.review.ReviewGate;

/**
 * Checks a downloaded clip with ffprobe before anything is delivered: a broken file never reaches a bin. A clip
 * that passes goes on to its destinations, or first to the human review gate when its stage needs one (social).
 */
@Component
class InspectStep implements JobStep {

    /** How far the delivered length may be from the requested one. */
    static final double DURATION_TOLERANCE_SECONDS = 0.5;

    private final JobStore store;
    private final MediaProbe probe;
    private final SpecCodec specs;
    private final ObjectMapper json;
    private final ReviewGate review;

    InspectStep(JobStore store, MediaProbe probe, SpecCodec specs, ObjectMapper json, ReviewGate review) {
        this.store = store;
        this.probe = probe;
        this.specs = specs;
        this.json = json;
        this.review = review;
    }

    @Override
    public Set<JobState> handles() {
        return Set.of(JobState.PROCESSING);
    }

    @Override
    public String name() {
        return "quality check";
    }

    @Override
    public void run(Job job) {
        GenerationSpec spec = specs.read(job);
        ProbeResult result;
        try {
            result = probe.probe(Path.of(job.clipPath()));
        } catch (MediaToolException e) {
            fail(job, "the downloaded file is not a readable video: " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the clip", e);
        }
        List<String> problems = new ArrayList<>();
        if (result.videoCodec() == null) {
            problems.add("no video stream");
        }
        if (result.width() != spec.width() || result.height() != spec.height()) {
            problems.add("size " + result.width() + "x" + result.height() + " instead of " + spec.width() + "x"
                    + spec.height());
        }
        if (Math.abs(result.durationSeconds() - spec.seconds()) > DURATION_TOLERANCE_SECONDS) {
            problems.add("duration %.2f s instead of %d s".formatted(result.durationSeconds(), spec.seconds()));
        }
        if (!problems.isEmpty()) {
            fail(job, "quality check failed: " + String.join("; ", problems));
            return;
        }
        String passed = "quality check passed (%s %dx%d, %.2f s)".formatted(result.videoCodec(), result.width(),
                result.height(), result.durationSeconds());
        JobChanges probed = JobChanges.none().set("probe_json", write(result));
        if (review.needsReview(job)) {
            review.hold(job, JobState.PROCESSING, passed + "; waiting for a human approval before publishing", null,
                    probed);
            return;
        }
        store.transition(job.id(), JobState.PROCESSING, JobState.DELIVERING, passed,
                probed.set("next_action_at", Instant.now()));
    }

    private void fail(Job job, String reason) {
        store.transition(job.id(), JobState.PROCESSING, JobState.FAILED, reason,
                JobChanges.none().set("last_error", reason));
    }

    private String write(ProbeResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
