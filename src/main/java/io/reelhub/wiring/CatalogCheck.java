package io.reelhub.wiring;

import java.util.List;

/** The model catalog's own problems ({@code ModelCatalog} lists them by field path), placed on their lines. */
final class CatalogCheck implements WiringCheck {

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        CatalogLoad catalog = wiring.catalog();
        if (catalog.error() == null) {
            return;
        }
        if (catalog.file() != null && catalog.file().syntaxError().isPresent()) {
            if (!wiring.connectorFiles().stream().anyMatch(f -> f.path().equals(catalog.file().path()))) {
                problems.add(catalog.file().syntaxError().get());
            }
            return; // YamlSyntaxCheck reports it for files in connectors/
        }
        for (String problem : catalog.error().problems()) {
            int colon = problem.indexOf(": ");
            // "models[0] (veo-3.1).default-seconds": the catalog names the model beside its index
            String path = colon > 0 ? problem.substring(0, colon).replaceAll("\\s*\\([^)]*\\)", "") : "";
            int line = catalog.file() == null || path.isEmpty() || path.contains(" ") ? 0
                    : catalog.file().lineOf(path);
            problems.add(WiringProblem.at(catalog.name(), line, "model catalog: " + problem));
        }
    }
}
