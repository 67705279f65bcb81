package io.reelhub.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deliveries are retried. The back-off between attempts is the pump's ({@code reelhub.dispatch.retry-base},
 * doubling up to {@code retry-max}).
 *
 * @param maxAttempts failed attempts of one destination before its delivery is parked
 */
@ConfigurationProperties(prefix = "reelhub.delivery")
public record DeliveryProperties(Integer maxAttempts) {

    public DeliveryProperties {
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 5 : maxAttempts;
    }
}
