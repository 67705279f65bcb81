package io.reelhub.wiring;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;

/**
 * The {@code model: auto} routing table ({@code reelhub.routing.*}) and the default model against the catalog: a
 * target that is not a catalog id or alias, or that is retired, would reject every brief routed to it.
 */
final class RoutingTableCheck implements WiringCheck {

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        ModelCatalog catalog = wiring.catalog().catalog();
        if (catalog == null) {
            return; // the catalog's own problems are reported by CatalogCheck
        }
        wiring.routingIntents().forEach((intent, target) ->
                checkModel(catalog, target, "routing target of intent '" + intent + "'", problems));
        if (wiring.routingFallback() != null) {
            checkModel(catalog, wiring.routingFallback(), "routing fallback", problems);
        }
        if (wiring.defaultModel() != null) {
            checkModel(catalog, wiring.defaultModel(), "default model", problems);
        }
    }

    private static void checkModel(ModelCatalog catalog, Setting target, String role, List<WiringProblem> problems) {
        Optional<ModelSpec> model = catalog.find(target.value());
        if (model.isEmpty()) {
            problems.add(new WiringProblem(target.where(), "unknown model '" + target.value() + "' as the " + role
                    + " (" + target.name() + "); models: " + catalog.all().stream().filter(m -> !m.isRetired())
                    .map(ModelSpec::id).collect(Collectors.joining(", ")) + "; aliases: "
                    + String.join(", ", catalog.aliases().keySet())));
        } else if (model.get().isRetired()) {
            problems.add(new WiringProblem(target.where(), "model '" + target.value() + "', the " + role + " ("
                    + target.name() + "), is retired in the catalog"
                    + (model.get().replacement() == null ? "" : "; use '" + model.get().replacement() + "'")));
        }
    }
}
