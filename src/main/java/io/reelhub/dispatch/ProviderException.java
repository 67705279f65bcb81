package io.reelhub.dispatch;

import java.time.Duration;

/** A provider call that did not succeed, classified by what the hub may do next. */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** 429: come back after {@link #retryAfter()}; nothing was created. */
        RATE_LIMITED,
        /** 5xx, timeouts, broken connections, malformed answers: try again later; for a submit the outcome is unknown. */
        TRANSIENT,
        /** 4xx: the provider refused this request and will refuse it again. */
        REJECTED,
        /** 404 on a job or its content: gone at the provider (expired, deleted, never existed). */
        NOT_FOUND,
        /**
         * The provider refused the request for its content (Kling 1300/1301): final, and reported as such; neither
         * retried nor handed to a fallback model, since another model would be asked the same thing.
         */
        CONTENT_POLICY
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;

    public ProviderException(Kind kind, int httpStatus, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, int httpStatus, String message) {
        this(kind, httpStatus, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
