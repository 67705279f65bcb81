package io.reelhub.dispatch;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;

/** Which model id goes on a protocol's wire for a generation: the catalog's {@code providers:} entry for it. */
@Component
public class WireModels {

    private final ModelCatalog catalog;

    public WireModels(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public Function<GenerationSpec, String> on(String protocol) {
        return spec -> catalog.find(spec.modelId()).map(model -> model.wireModel(protocol))
                .orElse(spec.providerModel());
    }

    /** The protocols the catalog lists for a generation's model, in its order of preference. */
    public java.util.Set<String> protocolsFor(GenerationSpec spec) {
        return catalog.find(spec.modelId()).map(ModelSpec::providers).map(java.util.Map::keySet)
                .orElse(java.util.Set.of());
    }
}
