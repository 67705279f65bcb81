package io.reelhub.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination that cannot take a delivery yet and says when it can: a rate limit whose window frees a place at a
 * known time, or a remote API answering 429 with a wait. This is not a failure: the delivery keeps its count of
 * attempts (it is never parked for waiting) and is tried again at {@link #notBefore()}, without a thread sleeping.
 * A connector throws it (or a subclass); the hub finds it anywhere in the cause chain of what the route failed with.
 */
public class DeliveryDeferredException extends RuntimeException {

    private final Instant notBefore;

    public DeliveryDeferredException(String message, Instant notBefore) {
        super(message);
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
    }

    /** The earliest time the delivery may be tried again. */
    public Instant notBefore() {
        return notBefore;
    }

    /** The deferral in {@code failure} or its causes, if any. */
    public static Optional<DeliveryDeferredException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeliveryDeferredException deferred) {
                return Optional.of(deferred);
            }
        }
        return Optional.empty();
    }
}
