package io.reelhub.api;

import java.time.Instant;
import java.util.List;

import io.reelhub.delivery.DestinationDelivery;

/**
 * One destination's delivery of a job, as the API shows it.
 *
 * @param state         PENDING, DELIVERED or PARKED
 * @param attempts      failed attempts since it was last queued
 * @param error         why the last attempt failed (for a parked delivery: why it was parked)
 * @param outputs       what the destination received
 * @param nextAttemptAt when a pending delivery is tried again
 */
public record DeliveryView(
        String destination,
        String state,
        int attempts,
        String error,
        List<String> outputs,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant updatedAt) {

    static DeliveryView of(DestinationDelivery delivery) {
        return new DeliveryView(delivery.destination(), delivery.state().name(), delivery.attempts(),
                delivery.lastError(), delivery.outputs(), delivery.nextAttemptAt(), delivery.deliveredAt(),
                delivery.updatedAt());
    }
}
