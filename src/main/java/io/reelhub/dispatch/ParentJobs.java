package io.reelhub.dispatch;

import java.util.List;

import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * A brief with several generations (shots, variations) is a parent job; its state follows its children: working
 * while any is, delivered when all are, failed when all ended and one did not deliver, parked when the only ones
 * left are parked.
 */
@Component
class ParentJobs {

    private final JobStore store;

    ParentJobs(JobStore store) {
        this.store = store;
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
        } else if (parent.state() == JobState.QUEUED
                && children.stream().anyMatch(c -> c.state() != JobState.QUEUED)) {
            store.transition(parentId, JobState.QUEUED, JobState.RENDERING, "generations under way",
                    JobChanges.none().set("progress", progress));
        } else {
            store.updateProgress(parentId, parent.state(), progress, null);
        }
    }
}
