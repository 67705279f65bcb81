package io.reelhub.dispatch;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobEnded;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * A brief with several generations (shots, variations) is a parent job; its state follows its children: working
 * while any is, delivered when all are, failed when all ended and one did not deliver, parked when the only ones
 * left are parked, awaiting review when the only ones left wait for a reviewer.
 */
@Component
class ParentJobs {

    private final JobStore store;

    ParentJobs(JobStore store) {
        this.store = store;
    }

    /**
     * A generation can end without a step of the pump (a reviewer rejects it), so every end refreshes its parent.
     * Runs inside the transaction of that end, like every {@link JobEnded} listener.
     */
    @EventListener
    void onEnded(JobEnded ended) {
        store.find(ended.jobId()).map(Job::parentId).ifPresent(this::refresh);
    }

    void refresh(String parentId) {
        Job parent = store.find(parentId).orElse(null);
        if (parent == null || parent.state().isTerminal()) {
            return;
        }
        List<Job> children = store.children(parentId);
        long delivered = children.stream().filter(c -> c.state() == JobState.DELIVERED).count();
        long ended = children.stream().filter(c -> c.state().isTerminal()).count();
        long parked = children.stream().filter(c -> c.state() == JobState.PARKED).count();
        long held = children.stream().filter(c -> c.state() == JobState.AWAITING_REVIEW).count();
        int progress = (int) children.stream().mapToInt(Job::progress).average().orElse(0);
        String summary = delivered + " of " + children.size() + " generations delivered";
        if (ended == children.size()) {
            JobState end = delivered == children.size() ? JobState.DELIVERED : JobState.FAILED;
            store.transition(parentId, parent.state(), end, summary, JobChanges.none().set("progress", progress)
                    .set("last_error", end == JobState.FAILED ? summary : null));
        } else if (parked > 0 && ended + parked == children.size()) {
            // nothing is moving any more: the parent waits, like its parked children, for a retry
            String reason = summary + ", " + parked + " parked (POST /api/jobs/" + parentId + "/retry)";
            store.transition(parentId, parent.state(), JobState.PARKED, reason,
                    JobChanges.none().set("progress", progress).set("last_error", reason));
        } else if (held > 0 && ended + parked + held == children.size()) {
            if (parent.state() != JobState.AWAITING_REVIEW) {
                // nothing moves until a person decides: say so on the parent, where a producer looks first
                String reason = summary + ", " + held + " awaiting review (POST /api/jobs/" + parentId
                        + "/approve or /reject decides for all of them)";
                store.transition(parentId, parent.state(), JobState.AWAITING_REVIEW, reason,
                        JobChanges.none().set("progress", progress));
            }
        } else if (parent.state() == JobState.AWAITING_REVIEW && held == 0) {
            store.transition(parentId, JobState.AWAITING_REVIEW, JobState.DELIVERING, "reviewed; " + summary,
                    JobChanges.none().set("progress", progress));
        } else if (parent.state() == JobState.QUEUED
                && children.stream().anyMatch(c -> c.state() != JobState.QUEUED)) {
            store.transition(parentId, JobState.QUEUED, JobState.RENDERING, "generations under way",
                    JobChanges.none().set("progress", progress));
        } else {
            store.updateProgress(parentId, parent.state(), progress, null);
        }
    }
}
