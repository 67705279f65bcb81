package io.reelhub.catalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models briefs may name, read once from a versioned YAML file ({@code connectors/model-catalog.yaml} by
 * default). Aliases map stable names such as {@code hero-cinematic} to concrete ids, so retiring a model is an edit
 * to this file rather than to every brief. A bad file stops start-up with the file name and every problem in it.
 */
@Component
public class ModelCatalog {

    private final String source;
    private final int schemaVersion;
    private final LocalDate updated;
    private final Map<String, ModelSpec> models;
    private final Map<String, String> aliases;
    private final List<ModelSpec> ordered;

    @Autowired
    public ModelCatalog(@Value("${reelhub.catalog.location:file:connectors/model-catalog.yaml}") Resource location) {
        this.source = location.getDescription();
        CatalogReader.Contents contents;
        try (InputStream in = location.getInputStream()) {
            contents = new CatalogReader().read(in, source);
        } catch (IOException e) {
            throw new CatalogException(source,
                    List.of("cannot be read (" + e.getMessage() + "); set reelhub.catalog.location"));
        }
        this.schemaVersion = contents.schemaVersion();
        this.updated = contents.updated();
        this.models = Map.copyOf(contents.models());
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(contents.aliases()));
        this.ordered = List.copyOf(contents.models().values());
    }

    /** For code and tests that run without Spring. */
    public static ModelCatalog load(Path file) {
        return new ModelCatalog(new FileSystemResource(file));
    }

    /** A model by catalog id or alias; empty when neither is known. */
    public Optional<ModelSpec> find(String idOrAlias) {
        if (idOrAlias == null) {
            return Optional.empty();
        }
        ModelSpec direct = models.get(idOrAlias);
        if (direct != null) {
            return Optional.of(direct);
        }
        return Optional.ofNullable(aliases.get(idOrAlias)).map(models::get);
    }

    /** Every model, in the order the file lists them. */
    public List<ModelSpec> all() {
        return ordered;
    }

    /** Alias name to catalog id, in the order the file lists them. */
    public Map<String, String> aliases() {
        return aliases;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public LocalDate updated() {
        return updated;
    }

    public String source() {
        return source;
    }

    /**
     * The list price of one clip. Prices are per second and per resolution tier, the tier taken from the frame's
     * shorter side; a model priced for fewer tiers than it renders is charged at the nearest tier listed.
     */
    public BigDecimal estimateUsd(ModelSpec model, int seconds, int width, int height) {
        ResolutionTier tier = ResolutionTier.of(new FrameSize(width, height));
        return pricePerSecond(model, tier).multiply(BigDecimal.valueOf(seconds));
    }

    private static BigDecimal pricePerSecond(ModelSpec model, ResolutionTier tier) {
        BigDecimal exact = model.pricePerSecondUsd().get(tier);
        if (exact != null) {
            return exact;
        }
        // On a tie between a cheaper and a dearer neighbour, take the dearer one: an estimate guards a budget.
        return model.pricePerSecondUsd().entrySet().stream()
                .min(Comparator.<Map.Entry<ResolutionTier, BigDecimal>>comparingInt(
                                e -> Math.abs(e.getKey().ordinal() - tier.ordinal()))
                        .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()))
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("model " + model.id() + " has no price"));
    }
}
