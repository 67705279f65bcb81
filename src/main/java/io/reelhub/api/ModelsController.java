package io.reelhub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;

/** {@code GET /api/models}: the catalog as briefs see it: capabilities, prices, lifecycle, aliases. */
@RestController
class ModelsController {

    private final ModelCatalog catalog;

    ModelsController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/models")
    Catalog models() {
        return new Catalog(catalog.schemaVersion(), catalog.updated(), catalog.aliases(),
                catalog.all().stream().map(this::view).toList());
    }

    private Model view(ModelSpec model) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        model.pricePerSecondUsd().forEach((tier, price) -> prices.put(tier.wireName(), price));
        List<String> aliases = catalog.aliases().entrySet().stream()
                .filter(alias -> alias.getValue().equals(model.id())).map(Map.Entry::getKey).toList();
        return new Model(model.id(), model.name(), model.lifecycle().wireName(), model.sunset(), model.replacement(),
                aliases, model.seconds(), model.defaultSeconds(),
                model.sizes().stream().map(size -> size.width() + "x" + size.height()).toList(), model.seed(),
                model.negativePrompt(), model.audio(), prices, model.providerModel(), model.providers());
    }

    record Catalog(int catalog, LocalDate updated, Map<String, String> aliases, List<Model> models) {
    }

    record Model(String id, String name, String status, LocalDate sunset, String replacement, List<String> aliases,
                 List<Integer> seconds, int defaultSeconds, List<String> sizes, boolean seed, boolean negativePrompt,
                 boolean audio, Map<String, BigDecimal> pricePerSecondUsd, String providerModel,
                 Map<String, String> providers) {
    }
}
