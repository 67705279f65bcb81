package io.reelhub.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One row of the deliveries table: a job's clip on its way to one destination.
 *
 * @param position      the destination's place in the job's list (the stage table's order)
 * @param attempts      failed attempts since the delivery was last (re-)queued
 * @param nextAttemptAt when a pending delivery that failed is tried again; null when due now
 * @param lastError     why the last attempt failed, or null
 * @param outputs       what the destination reported it wrote (files, or a notice's receipt)
 */
public record DestinationDelivery(
        String jobId,
        String destination,
        int position,
        DeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        List<String> outputs,
        Instant createdAt,
        Instant updatedAt,
        Instant deliveredAt) {

    public boolean isDue(Instant now) {
        return state == DeliveryState.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
}
