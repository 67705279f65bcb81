package io.reelhub.callback;

import java.time.Instant;

/**
 * One try at delivering a callback.
 *
 * @param statusCode the receiver's HTTP status, null when no answer came back (refused, timed out, not allowed)
 * @param error      why the attempt failed, null when it succeeded
 */
public record CallbackAttempt(int attempt, Instant at, Integer statusCode, String error, long durationMs) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
