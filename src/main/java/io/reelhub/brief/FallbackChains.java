package io.reelhub.brief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;

/**
 * Which models a job may be handed to, in order, when its model fails for good ({@code reelhub.routing.fallback-chains}).
 * Chains belong to the names a brief uses to leave the choice to the hub: an alias ({@code hero-cinematic:
 * [veo-3.1-fast, kling-2.1]}) or {@code auto} (for every routed brief whose target alias has no chain of its own). A
 * brief naming a catalog id asked for that model and gets no substitute, so ids cannot be keys. A chain that names
 * an unknown or retired model stops start-up instead of failing the first job that needs it.
 */
@Component
public class FallbackChains {

    private final ModelCatalog catalog;
    private final AutoModelRouter router;
    private final Map<String, List<String>> chains = new LinkedHashMap<>();

    @Autowired
    public FallbackChains(RoutingProperties routing, ModelCatalog catalog) {
        this(routing.fallbackChains(), routing.router(), catalog);
    }

    /**
     * @throws IllegalStateException naming every key or target that is not usable
     */
    public FallbackChains(Map<String, List<String>> chains, AutoModelRouter router, ModelCatalog catalog) {
        this.catalog = catalog;
        this.router = router;
        List<String> problems = new ArrayList<>();
        chains.forEach((key, targets) -> {
            if (!AutoModelRouter.AUTO.equals(key) && !catalog.aliases().containsKey(key)) {
                problems.add("'" + key + "' is not an alias of the catalog nor '" + AutoModelRouter.AUTO + "'"
                        + (catalog.find(key).isPresent() ? " (a brief naming a catalog id asked for that model:"
                        + " it gets no fallback)" : "") + "; aliases: " + String.join(", ", catalog.aliases().keySet()));
            }
            List<String> ids = new ArrayList<>();
            for (String target : targets == null ? List.<String>of() : targets) {
                Optional<ModelSpec> model = catalog.find(target);
                if (model.isEmpty()) {
                    problems.add(key + ": unknown model '" + target + "'");
                } else if (model.get().isRetired()) {
                    problems.add(key + ": model '" + target + "' is retired in the catalog");
                } else {
                    ids.add(model.get().id());
                }
            }
            this.chains.put(key, List.copyOf(ids));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("reelhub.routing.fallback-chains: " + String.join("; ", problems)
                    + " (models of " + catalog.source() + ")");
        }
    }

    /**
     * The models a brief's generations may run on, in order: the model the brief's name resolves to first, then its
     * chain; a single model when the name has no chain (or is a catalog id, or none).
     *
     * @param named   what the brief named: an alias, {@code auto}, a catalog id, or null for the default model
     * @param intents the brief's intents, most important first (for {@code auto})
     */
    public List<String> chainFor(String named, List<String> intents) {
        if (named == null) {
            return List.of();
        }
        String target = AutoModelRouter.AUTO.equals(named) ? router.route(intents) : named;
        Optional<ModelSpec> first = catalog.find(target);
        if (first.isEmpty()) {
            return List.of();
        }
        List<String> chain = chains.get(target);
        if (chain == null && AutoModelRouter.AUTO.equals(named)) {
            chain = chains.get(AutoModelRouter.AUTO);
        }
        Set<String> ordered = new LinkedHashSet<>();
        ordered.add(first.get().id());
        if (chain != null) {
            ordered.addAll(chain);
        }
        return List.copyOf(ordered);
    }

    /** Every configured chain, by key, as catalog ids. */
    public Map<String, List<String>> chains() {
        return Map.copyOf(chains);
    }
}
