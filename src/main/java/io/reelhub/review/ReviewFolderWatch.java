package io.reelhub.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * Reviewers who work in a file browser decide by moving a job's folder from {@code review/} into
 * {@code review/approved/} or {@code review/rejected/}; this route looks at those two folders every
 * {@code reelhub.review.folder-scan-interval} and applies the decision to jobs still waiting. A {@code note.txt} in a
 * rejected folder becomes the rejection's reason. Folders moved while the hub was down are acted on at start.
 */
@Component
class ReviewFolderWatch extends RouteBuilder {

    static final String ROUTE_ID = "review-folders";
    static final String NOTE_FILE = "note.txt";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewFolderWatch.class);

    private final ReviewGate gate;
    private final ReviewFolders folders;
    private final JobStore store;
    private final ReviewProperties properties;
    private final ObjectMapper json;
    /** Folders already reported as unusable, so the log says it once, not every scan. */
    private final Set<Path> reported = new HashSet<>();

    ReviewFolderWatch(ReviewGate gate, ReviewFolders folders, JobStore store, ReviewProperties properties,
                      ObjectMapper json) {
        this.gate = gate;
        this.folders = folders;
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=0&period=" + properties.folderScanInterval().toMillis())
                .routeId(ROUTE_ID)
                .process(exchange -> scan());
    }

    void scan() {
        for (Path folder : ReviewFolders.packagesIn(folders.approved())) {
            decide(folder, true);
        }
        for (Path folder : ReviewFolders.packagesIn(folders.rejected())) {
            decide(folder, false);
        }
    }

    private void decide(Path folder, boolean approve) {
        String jobId;
        try {
            jobId = json.readValue(folder.resolve(ReviewFolders.MANIFEST).toFile(), ReviewManifest.class).jobId();
        } catch (IOException e) {
            once(folder, "its " + ReviewFolders.MANIFEST + " cannot be read: " + e.getMessage());
            return;
        }
        var job = jobId == null ? null : store.find(jobId).orElse(null);
        if (job == null) {
            once(folder, "it names no job the hub knows ('" + jobId + "')");
            return;
        }
        if (job.state() != JobState.AWAITING_REVIEW) {
            return;
        }
        try {
            if (approve) {
                gate.approve(jobId, new ReviewDecision("folder", null));
            } else {
                gate.reject(jobId, new ReviewDecision("folder", note(folder)));
            }
        } catch (NotAwaitingReviewException e) {
            LOG.info("Review folder {}: {}", folder.getFileName(), e.getMessage());
        }
    }

    private static String note(Path folder) {
        Path note = folder.resolve(NOTE_FILE);
        try {
            return Files.isRegularFile(note) ? Files.readString(note, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void once(Path folder, String problem) {
        if (reported.add(folder)) {
            LOG.warn("Review folder {} is ignored: {}", folder, problem);
        }
    }
}
