package io.reelhub.brief;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code model: auto} routing table from configuration ({@code reelhub.routing}); absent values keep
 * {@link AutoModelRouter}'s built-in table, so code and tests that configure nothing route as before.
 *
 * @param intents  intent to catalog id or alias
 * @param fallback the model for briefs whose intents have no route
 */
@ConfigurationProperties(prefix = "reelhub.routing")
public record RoutingProperties(Map<String, String> intents, String fallback) {

    public AutoModelRouter router() {
        AutoModelRouter builtIn = new AutoModelRouter();
        if ((intents == null || intents.isEmpty()) && (fallback == null || fallback.isBlank())) {
            return builtIn;
        }
        return new AutoModelRouter(intents == null || intents.isEmpty() ? builtIn.routes() : intents,
                fallback == null || fallback.isBlank() ? AutoModelRouter.DEFAULT_FALLBACK : fallback);
    }
}
