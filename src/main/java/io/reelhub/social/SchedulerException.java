package io.reelhub.social;

import java.time.Duration;

/**
 * A scheduler call that did not create a post, or may have. The difference decides what a retry does: after a
 * {@link Outcome#REFUSED} answer the post surely does not exist and is created again; after {@link Outcome#UNKNOWN}
 * the hub first looks for it. Messages name the scheduler and its answer, never the API key.
 */
public class SchedulerException extends RuntimeException {

    public enum Outcome {
        /** The scheduler answered and created nothing: an error status, a GraphQL error, a rejected post. */
        REFUSED,
        /** The request may have been processed: a timeout or a connection lost after sending. */
        UNKNOWN,
        /** 429: nothing was created; try again after {@link #retryAfter()}. */
        RATE_LIMITED
    }

    private final Outcome outcome;
    private final Duration retryAfter;

    public SchedulerException(Outcome outcome, String message) {
        this(outcome, message, null);
    }

    public SchedulerException(Outcome outcome, String message, Duration retryAfter) {
        super(message);
        this.outcome = outcome;
        this.retryAfter = retryAfter;
    }

    public static SchedulerException refused(String message) {
        return new SchedulerException(Outcome.REFUSED, message);
    }

    public static SchedulerException unknown(String message) {
        return new SchedulerException(Outcome.UNKNOWN, message);
    }

    public static SchedulerException rateLimited(String message, Duration retryAfter) {
        return new SchedulerException(Outcome.RATE_LIMITED, message, retryAfter);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** How long the scheduler asked to wait; null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
