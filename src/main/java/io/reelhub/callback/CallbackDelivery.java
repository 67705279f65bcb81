package io.reelhub.callback;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt for a leased callback, and what it means: a 2xx ends it; anything else waits its back-off in the
 * outbox, until {@code reelhub.callbacks.max-attempts} attempts have failed and the hub gives up on it.
 */
@Component
class CallbackDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDelivery.class);

    private final CallbackSender sender;
    private final CallbackOutbox outbox;
    private final CallbackProperties properties;
    private final Clock clock;

    CallbackDelivery(CallbackSender sender, CallbackOutbox outbox, CallbackProperties properties, Clock clock) {
        this.sender = sender;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    void attempt(Callback callback) {
        CallbackAttempt attempt;
        try {
            attempt = sender.send(callback);
        } catch (RuntimeException e) {
            attempt = new CallbackAttempt(callback.attempts() + 1, clock.instant(), null, e.toString(), 0);
        }
        if (attempt.succeeded()) {
            outbox.recordAttempt(callback, attempt, CallbackState.DELIVERED, null);
            LOG.info("Callback {} for job {} delivered on attempt {} (HTTP {})", callback.id(), callback.jobId(),
                    attempt.attempt(), attempt.statusCode());
        } else if (attempt.attempt() >= properties.maxAttempts()) {
            outbox.recordAttempt(callback, attempt, CallbackState.GAVE_UP, null);
            LOG.warn("Callback {} for job {} given up after {} attempts: {}", callback.id(), callback.jobId(),
                    attempt.attempt(), attempt.error());
        } else {
            Instant next = clock.instant().plus(properties.backoff(attempt.attempt()));
            outbox.recordAttempt(callback, attempt, CallbackState.PENDING, next);
            LOG.info("Callback {} for job {}: attempt {} failed ({}); next at {}", callback.id(), callback.jobId(),
                    attempt.attempt(), attempt.error(), next);
        }
    }
}
