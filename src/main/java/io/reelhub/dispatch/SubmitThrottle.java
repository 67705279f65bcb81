package io.reelhub.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.reelhub.jobs.JobStore;

/**
 * Keeps the hub under each provider's limits so that a 429 is the provider's surprise, not the hub's doing: per model,
 * at most the allowed number of submits in any window slightly longer than the provider's (so the provider's own
 * sliding window never sees one too many, whatever the network adds), and no more than {@code max-concurrent}
 * generations at the provider at once. A job that must wait is rescheduled for the moment it may go; no thread
 * waits and no brief is dropped.
 */
@Component
class SubmitThrottle {

    /** Room for the time between the hub's decision and the request's arrival at the provider. */
    private static final Duration MIN_ALLOWANCE = Duration.ofMillis(500);

    private final ProviderLimits limits;
    private final JobStore store;
    private final Clock clock;
    private final Map<String, Deque<Instant>> admitted = new HashMap<>();

    SubmitThrottle(ProviderLimits limits, JobStore store, Clock clock) {
        this.limits = limits;
        this.store = store;
        this.clock = clock;
    }

    /** Takes a submit slot for this provider and model, or says how long to wait for one. */
    Optional<Duration> admit(String provider, String model) {
        ProviderLimits.Limit limit = limits.of(provider);
        if (limit.maxConcurrent() != null
                && store.countAtProvider(provider, model) >= limit.maxConcurrent()) {
            return Optional.of(Duration.ofSeconds(1));
        }
        Integer perWindow = limit.perWindow();
        if (perWindow == null) {
            return Optional.empty();
        }
        Duration window = widened(limit.windowOrMinute());
        synchronized (admitted) {
            Instant now = clock.instant();
            Deque<Instant> recent = admitted.computeIfAbsent(provider + "/" + model, key -> new ArrayDeque<>());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
                recent.removeFirst();
            }
            if (recent.size() >= perWindow) {
                return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
            }
            recent.addLast(now);
            return Optional.empty();
        }
    }

    /** The provider's window plus 5 % (at least half a second) of allowance. */
    static Duration widened(Duration window) {
        Duration allowance = window.dividedBy(20);
        return window.plus(allowance.compareTo(MIN_ALLOWANCE) < 0 ? MIN_ALLOWANCE : allowance);
    }
}
