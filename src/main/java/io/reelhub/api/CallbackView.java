package io.reelhub.api;

import java.time.Instant;
import java.util.List;

import io.reelhub.callback.CallbackAttempt;

/**
 * A job's result webhook as {@code GET /api/jobs/{id}/callbacks} shows it. Only the receiver's host is shown: the
 * rest of the URL may carry the receiver's token.
 *
 * @param id       the {@code webhook-id} the receiver sees on every attempt
 * @param event    {@code job.delivered} or {@code job.failed}
 * @param state    PENDING, DELIVERED or GAVE_UP
 * @param attempts every attempt so far, oldest first
 */
record CallbackView(String id, String event, String host, String state, int attemptCount, Integer lastStatus,
                    String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                    List<CallbackAttempt> attempts) {
}
