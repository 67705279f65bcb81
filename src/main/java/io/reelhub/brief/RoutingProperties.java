package io.reelhub.brief;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The {@code model: auto} routing table from configuration ({@code reelhub.routing}); absent values keep
 * {@link AutoModelRouter}'s built-in table, so code and tests that configure nothing route as before.
 *
 * @param intents        intent to catalog id or alias
 * @param fallback       the model for briefs whose intents have no route
 * @param fallbackChains what a job may be handed to after a confirmed terminal failure, in order, keyed by what a
 *                       brief names: an alias of the catalog or {@code auto} (see {@link FallbackChains})
 */
@ConfigurationProperties(prefix = "reelhub.routing")
public record RoutingProperties(Map<String, String> intents, String fallback,
                                Map<String, List<String>> fallbackChains) {

    @ConstructorBinding
    public RoutingProperties {
        fallbackChains = fallbackChains == null ? Map.of() : Map.copyOf(fallbackChains);
    }

    /** The routing table without fallback chains. */
    public RoutingProperties(Map<String, String> intents, String fallback) {
        this(intents, fallback, null);
    }

    public AutoModelRouter router() {
        AutoModelRouter builtIn = new AutoModelRouter();
        if ((intents == null || intents.isEmpty()) && (fallback == null || fallback.isBlank())) {
            return builtIn;
        }
        return new AutoModelRouter(intents == null || intents.isEmpty() ? builtIn.routes() : intents,
                fallback == null || fallback.isBlank() ? AutoModelRouter.DEFAULT_FALLBACK : fallback);
    }
}
