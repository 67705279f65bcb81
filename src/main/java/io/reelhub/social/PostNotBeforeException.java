package io.reelhub.social;

import java.time.Instant;

import io.reelhub.delivery.DeliveryDeferredException;

/**
 * A post that may not be sent yet: the platform's rate limit is full until {@link #notBefore()}, or the scheduler
 * answered 429. Nothing is dropped: the hub tries the delivery again at that time, without counting an attempt.
 */
public class PostNotBeforeException extends DeliveryDeferredException {

    public PostNotBeforeException(String message, Instant notBefore) {
        super(message, notBefore);
    }
}
