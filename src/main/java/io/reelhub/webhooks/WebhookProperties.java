package io.reelhub.webhooks;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Provider webhooks at {@code POST /webhooks/{provider}}: {@code reelhub.webhooks.providers.<provider>.secret}
 * (from the environment) for each provider that signs with Standard Webhooks, fal's JWKS, Kling's callback tokens,
 * and the timestamp tolerance.
 */
@ConfigurationProperties(prefix = "reelhub.webhooks")
public record WebhookProperties(Map<String, Provider> providers, Duration tolerance, Fal fal, Kling kling) {

    @ConstructorBinding
    public WebhookProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        tolerance = tolerance == null ? StandardWebhookSignature.DEFAULT_TOLERANCE : tolerance;
        fal = fal == null ? new Fal(null, null, null) : fal;
        kling = kling == null ? new Kling(null) : kling;
    }

    public WebhookProperties(Map<String, Provider> providers, Duration tolerance) {
        this(providers, tolerance, null, null);
    }

    public record Provider(String secret) {
    }

    /**
     * fal's Ed25519 webhooks.
     *
     * @param jwksUrl      where fal publishes its webhook keys; a path means this process (the sandbox's
     *                     {@code /sandbox/fal-rest/.well-known/jwks.json})
     * @param jwksCacheFor how long the keys are used before they are fetched again (fal: up to 24 h)
     * @param jwksRefetch  how soon after a fetch a signature that matches no key may fetch the keys again (a rotated
     *                     key), so a flood of forged webhooks cannot make the hub hammer fal's JWKS
     */
    public record Fal(String jwksUrl, Duration jwksCacheFor, Duration jwksRefetch) {

        public Fal {
            jwksUrl = jwksUrl == null || jwksUrl.isBlank() ? "https://rest.alpha.fal.ai/.well-known/jwks.json"
                    : jwksUrl;
            jwksCacheFor = jwksCacheFor == null ? Duration.ofHours(24) : jwksCacheFor;
            jwksRefetch = jwksRefetch == null ? Duration.ofMinutes(1) : jwksRefetch;
        }
    }

    /**
     * Kling's callbacks, which carry no signature: a per-job token in the callback URL instead.
     *
     * @param tokenSecret the key the tokens are made with (environment: {@code REELHUB_WEBHOOKS_KLING_TOKENSECRET});
     *                    unset: one is generated once and kept under the home in {@code secrets/}
     */
    public record Kling(String tokenSecret) {

        public Kling {
            tokenSecret = tokenSecret == null || tokenSecret.isBlank() ? null : tokenSecret;
        }
    }
}
