package io.reelhub.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A provider's per-model rate limit, as real ones enforce it: at most {@code reelhub.sandbox.rate-limit.requests}
 * creations per model in any sliding {@code reelhub.sandbox.rate-limit.window} (default 60 s), else 429 with
 * {@code Retry-After}. Zero means no limit. It lets tests and benchmarks see whether the hub ever causes a 429.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxRateLimit {

    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    @Autowired
    SandboxRateLimit(@Value("${reelhub.sandbox.rate-limit.requests:0}") int perWindow,
                     @Value("${reelhub.sandbox.rate-limit.window:60s}") Duration window) {
        this(perWindow, window, Clock.systemUTC());
    }

    SandboxRateLimit(int perWindow, Duration window, Clock clock) {
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
    }

    /** The OpenAI protocol's check: throws its 429 envelope. */
    void admit(String model) {
        tryAdmit("openai/" + model).ifPresent(wait -> {
            throw SandboxApiException.rateLimited(wait);
        });
    }

    /**
     * Counts a creation for {@code key} (protocol/model), or returns the seconds to wait when the window is full,
     * for the protocol to answer in its own 429 shape.
     */
    public synchronized java.util.Optional<Integer> tryAdmit(String key) {
        if (perWindow <= 0) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        Deque<Instant> admitted = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(now.minus(window))) {
            admitted.removeFirst();
        }
        if (admitted.size() >= perWindow) {
            long wait = Math.max(1, Duration.between(now, admitted.peekFirst().plus(window)).toSeconds() + 1);
            return java.util.Optional.of((int) wait);
        }
        admitted.addLast(now);
        return java.util.Optional.empty();
    }
}
