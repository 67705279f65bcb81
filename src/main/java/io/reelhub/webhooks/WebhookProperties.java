package io.reelhub.webhooks;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provider webhooks at {@code POST /webhooks/{provider}}: {@code reelhub.webhooks.providers.<provider>.secret}
 * (from the environment) for each provider that signs with Standard Webhooks, and the timestamp tolerance.
 */
@ConfigurationProperties(prefix = "reelhub.webhooks")
public record WebhookProperties(Map<String, Provider> providers, Duration tolerance) {

    public WebhookProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        tolerance = tolerance == null ? StandardWebhookSignature.DEFAULT_TOLERANCE : tolerance;
    }

    public record Provider(String secret) {
    }
}
