package io.reelhub.delivery;

/** Where one destination's delivery of one clip stands. */
public enum DeliveryState {
    /** Not delivered yet: due now, or waiting for its next attempt after a failure. */
    PENDING,
    /** The destination has the clip (or the notice); never sent again. */
    DELIVERED,
    /** Failed {@code reelhub.delivery.max-attempts} times; waits for {@code POST /api/jobs/{id}/retry}. */
    PARKED
}
