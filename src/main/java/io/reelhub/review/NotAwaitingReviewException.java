package io.reelhub.review;

import io.reelhub.jobs.Job;

/** An approval or rejection of a job that is not (or no longer) waiting for one. */
public class NotAwaitingReviewException extends RuntimeException {

    private final transient Job job;

    public NotAwaitingReviewException(Job job, String message) {
        super(message);
        this.job = job;
    }

    public Job job() {
        return job;
    }
}
