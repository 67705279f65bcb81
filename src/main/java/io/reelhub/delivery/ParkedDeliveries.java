package io.reelhub.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * {@code POST /api/jobs/{id}/retry}: puts a parked job's parked deliveries back in the queue, and only those;
 * destinations that already have the clip are not sent it again. For a parent job, every parked generation is
 * retried.
 */
@Service
public class ParkedDeliveries {

    private final JobStore jobs;
    private final DeliveryStore deliveries;
    private final Clock clock;

    public ParkedDeliveries(JobStore jobs, DeliveryStore deliveries, Clock clock) {
        this.jobs = jobs;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Why a job cannot be retried: it is not parked. */
    public static final class NotParkedException extends RuntimeException {

        private final transient Job job;

        NotParkedException(Job job) {
            super("job " + job.id() + " is " + job.state() + ": only a job whose deliveries are parked can be"
                    + " retried, and this one has none" + (job.state() == JobState.DELIVERING
                    ? " (its deliveries are still being tried)" : ""));
            this.job = job;
        }

        public Job job() {
            return job;
        }
    }

    /**
     * @return the job after the retry was queued, or empty when there is no such job
     * @throws NotParkedException when the job is not parked
     */
    @Transactional
    public Optional<Job> retry(String jobId) {
        Optional<Job> found = jobs.find(jobId);
        if (found.isEmpty()) {
            return found;
        }
        Job job = found.get();
        if (job.state() != JobState.PARKED) {
            throw new NotParkedException(job);
        }
        if (job.isParent()) {
            List<String> retried = new ArrayList<>();
            for (Job child : jobs.children(job.id())) {
                if (child.state() == JobState.PARKED && requeue(child)) {
                    retried.add(child.shotId() == null ? child.id() : child.shotId());
                }
            }
            if (!jobs.transition(job.id(), JobState.PARKED, JobState.DELIVERING, "retry requested: re-queued the"
                    + " parked deliveries of " + String.join(", ", retried), JobChanges.none().set("last_error", null))) {
                throw new NotParkedException(jobs.find(jobId).orElse(job));
            }
        } else if (!requeue(job)) {
            throw new NotParkedException(jobs.find(jobId).orElse(job));
        }
        return jobs.find(jobId);
    }

    private boolean requeue(Job job) {
        List<String> parked = deliveries.forJob(job.id()).stream()
                .filter(d -> d.state() == DeliveryState.PARKED).map(DestinationDelivery::destination).toList();
        // the job's state moves first, so a concurrent retry of the same job finds it no longer parked
        boolean moved = jobs.transition(job.id(), JobState.PARKED, JobState.DELIVERING, "retry requested:"
                + " re-queued the parked deliveries to " + String.join(", ", parked),
                JobChanges.none().set("next_action_at", clock.instant()).set("last_error", null));
        if (moved) {
            deliveries.requeueParked(job.id());
        }
        return moved;
    }
}
