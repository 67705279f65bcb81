package io.reelhub.sandbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded sandbox provider ({@code reelhub.sandbox.*}).
 *
 * @param enabled       serve the sandbox at all
 * @param models        the model ids the sandbox accepts on {@code POST /v1/videos}; the first is the default
 * @param apiKey        when set, the exact bearer token required; when empty any non-empty bearer is accepted
 * @param renderTime    how long a job takes from submission to completion, at least (a real render may be slower)
 * @param contentTtl    how long a completed video's assets can be downloaded ({@code expires_at - completed_at})
 * @param pollAfter     the value of the {@code openai-poll-after-ms} header on retrieve
 * @param renderThreads how many clips are rendered at once
 * @param faults        faults armed at start-up (the admin endpoint changes them at runtime)
 */
@ConfigurationProperties(prefix = "reelhub.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"veo-3.1", "veo-3.1-fast", "kling-2.1", "seedance-1.0-pro", "wan-2.2"}) List<String> models,
        String apiKey,
        @DefaultValue("2s") Duration renderTime,
        @DefaultValue("1h") Duration contentTtl,
        @DefaultValue("500ms") Duration pollAfter,
        @DefaultValue("2") int renderThreads,
        @DefaultValue FaultSettings faults) {

    public SandboxProperties {
        models = models == null || models.isEmpty() ? List.of("veo-3.1") : List.copyOf(models);
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        if (renderTime == null || renderTime.isNegative()) {
            renderTime = Duration.ZERO;
        }
        if (contentTtl == null || contentTtl.isNegative()) {
            contentTtl = Duration.ofHours(1);
        }
        if (pollAfter == null || pollAfter.isNegative()) {
            pollAfter = Duration.ofMillis(500);
        }
        renderThreads = Math.max(1, renderThreads);
        faults = faults == null ? FaultSettings.NONE : faults;
    }
}
