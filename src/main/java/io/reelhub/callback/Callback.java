package io.reelhub.callback;

import java.time.Instant;

/**
 * One row of the callback outbox: a signed result webhook for one event of one job.
 *
 * @param id          the {@code webhook-id}: unique per event, the same on every attempt
 * @param eventType   {@code job.delivered} or {@code job.failed}
 * @param url         where it goes (may carry a receiver's token: never logged or shown whole)
 * @param payload     the JSON body, fixed when the event happened so every attempt sends the same bytes
 * @param attempts    attempts made so far
 * @param lastStatus  the receiver's HTTP status on the last attempt, null when none came back
 */
public record Callback(
        String id,
        String jobId,
        String eventType,
        String url,
        String payload,
        CallbackState state,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant deliveredAt) {
}
