package io.reelhub.dispatch;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What each provider allows, per model: {@code reelhub.limits.providers.<provider>.requests-per-minute} (submits;
 * or {@code requests} per {@code window} for providers that count otherwise) and {@code max-concurrent} (generations
 * submitted and not yet finished), plus the circuit breaker's settings.
 * A provider without an entry is limited only by the number of workers.
 *
 * @param providers        limits per provider name (sandbox, openai-compatible, gemini, ...)
 * @param breakerFailures  consecutive transient failures of one provider that open its breaker
 * @param breakerOpenFor   how long an open breaker keeps new submits away from that provider
 */
@ConfigurationProperties(prefix = "reelhub.limits")
public record ProviderLimits(Map<String, Limit> providers, Integer breakerFailures, Duration breakerOpenFor) {

    public ProviderLimits {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        breakerFailures = breakerFailures == null ? 5 : breakerFailures;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
    }

    /**
     * @param requestsPerMinute submits per model per minute; null for no limit
     * @param requests          submits per model per {@code window}, when the provider counts over another window
     * @param window            the provider's counting window (default one minute)
     */
    public record Limit(Integer requestsPerMinute, Integer requests, Duration window, Integer maxConcurrent) {

        /** How many submits fit in one {@link #window()}; null for no limit. */
        Integer perWindow() {
            return requests != null ? requests : requestsPerMinute;
        }

        Duration windowOrMinute() {
            return window != null ? window : Duration.ofMinutes(1);
        }
    }

    Limit of(String provider) {
        return providers.getOrDefault(provider, new Limit(null, null, null, null));
    }
}
