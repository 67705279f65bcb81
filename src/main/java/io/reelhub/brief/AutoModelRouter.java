package io.reelhub.brief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks a model for {@code model: auto} from the brief's intents, seeded from how the models compare: character
 * consistency, complex scenes, narrative and transitions go to Veo; realistic motion and faces to Kling; dynamic
 * camera and action to Seedance; landscapes and environments to Wan. The first intent with a route wins, so a
 * brief lists its intents most important first. Targets may be catalog ids or aliases.
 */
public final class AutoModelRouter {

    public static final String AUTO = "auto";
    public static final String DEFAULT_FALLBACK = "veo-3.1";

    private static final Map<String, String> DEFAULT_ROUTES = defaultRoutes();

    private final Map<String, String> routes;
    private final String fallback;

    public AutoModelRouter() {
        this(DEFAULT_ROUTES, DEFAULT_FALLBACK);
    }

    /**
     * @param routes   intent to model id or alias
     * @param fallback the model for briefs whose intents have no route (or that list none)
     */
    public AutoModelRouter(Map<String, String> routes, String fallback) {
        this.routes = Map.copyOf(routes);
        this.fallback = fallback;
    }

    /** The model for these intents, most important first. */
    public String route(List<String> intents) {
        return intents.stream().map(routes::get).filter(Objects::nonNull).findFirst().orElse(fallback);
    }

    public Set<String> intents() {
        return routes.keySet();
    }

    /** Intent to model, as configured. */
    public Map<String, String> routes() {
        return routes;
    }

    /** Every model name the router can return, so start-up can check each against the catalog. */
    public Set<String> targets() {
        Set<String> targets = new TreeSet<>(routes.values());
        targets.add(fallback);
        return targets;
    }

    private static Map<String, String> defaultRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("character-consistency", "veo-3.1");
        routes.put("complex-scene", "veo-3.1");
        routes.put("narrative", "veo-3.1");
        routes.put("transitions", "veo-3.1");
        routes.put("realistic-motion", "kling-2.1");
        routes.put("faces", "kling-2.1");
        routes.put("dynamic-camera", "seedance-1.0-pro");
        routes.put("action", "seedance-1.0-pro");
        routes.put("landscape", "wan-2.2");
        routes.put("environment", "wan-2.2");
        return routes;
    }
}
