package io.reelhub.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per provider: after several transient failures in a row, new submits keep away from it for a
 * while instead of adding to an outage (a retry storm). Jobs already there keep being polled.
 */
@Component
class ProviderBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderBreaker.class);

    private final ProviderLimits limits;
    private final Clock clock;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> openUntil = new ConcurrentHashMap<>();

    ProviderBreaker(ProviderLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    void failed(String provider) {
        int count = failures.merge(provider, 1, Integer::sum);
        if (count >= limits.breakerFailures() && !openUntil.containsKey(provider)) {
            openUntil.put(provider, clock.instant().plus(limits.breakerOpenFor()));
            LOG.warn("Provider {} failed {} times in a row: no new submits for {} s", provider, count,
                    limits.breakerOpenFor().toSeconds());
        }
    }

    void succeeded(String provider) {
        failures.remove(provider);
        if (openUntil.remove(provider) != null) {
            LOG.info("Provider {} answers again: submits resume", provider);
        }
    }

    /** How long new submits to this provider must wait; empty when they may go (closed, or half-open). */
    Optional<Duration> waitFor(String provider) {
        Instant until = openUntil.get(provider);
        Instant now = clock.instant();
        if (until == null || !now.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
    }
}
