package io.reelhub.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a catalog file into models and aliases, or fails with every problem in it. The catalog is written by the
 * integrator, so unknown fields are errors here: a misspelt {@code defualt-seconds} must not silently fall back.
 */
final class CatalogReader {

    static final int SCHEMA_VERSION = 1;

    /** Same rule as brief ids, because briefs name these ids and aliases. */
    private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,80}");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    record Contents(int schemaVersion, LocalDate updated, Map<String, ModelSpec> models, Map<String, String> aliases) {
    }

    Contents read(InputStream in, String source) {
        CatalogFile file;
        try {
            file = yaml.readValue(in, CatalogFile.class);
        } catch (JsonMappingException e) {
            throw new CatalogException(source, List.of(pathOf(e) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CatalogException(source, List.of("cannot be read: " + e.getMessage()));
        }
        if (file == null) {
            throw new CatalogException(source, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        if (file.catalog() != SCHEMA_VERSION) {
            problems.add("catalog: schema version " + file.catalog() + " is not supported; supported: " + SCHEMA_VERSION);
        }
        Map<String, ModelSpec> models = new LinkedHashMap<>();
        for (int i = 0; i < file.models().size(); i++) {
            toSpec(file.models().get(i), "models[" + i + "]", problems).ifPresent(spec -> {
                if (models.putIfAbsent(spec.id(), spec) != null) {
                    problems.add("models: id '" + spec.id() + "' is listed twice");
                }
            });
        }
        if (file.models().isEmpty()) {
            problems.add("models: the catalog lists no models");
        }
        checkReplacements(file.models(), problems);
        Map<String, String> aliases = file.aliases() == null ? Map.of() : new LinkedHashMap<>(file.aliases());
        checkAliases(aliases, models, problems);
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
        return new Contents(file.catalog(), file.updated(), models, aliases);
    }

    private Optional<ModelSpec> toSpec(CatalogFile.Model m, String at, List<String> problems) {
        int before = problems.size();
        if (m.id() == null || !ID.matcher(m.id()).matches()) {
            problems.add(at + ".id: '" + m.id() + "' is not a valid id (1-80 of a-z 0-9 . _ -)");
        }
        String where = m.id() == null ? at : at + " (" + m.id() + ")";
        require(m.name(), where + ".name", problems);
        require(m.providerModel(), where + ".provider-model", problems);
        Lifecycle lifecycle = Lifecycle.fromWire(m.status()).orElse(null);
        if (lifecycle == null) {
            problems.add(where + ".status: '" + m.status() + "' is not one of active, deprecated, retired");
        } else if (lifecycle != Lifecycle.ACTIVE && m.sunset() == null) {
            problems.add(where + ".sunset: a " + lifecycle.wireName() + " model needs its retirement date");
        }
        List<Integer> seconds = m.seconds() == null ? List.of() : m.seconds();
        if (seconds.isEmpty() || seconds.stream().anyMatch(s -> s == null || s <= 0)) {
            problems.add(where + ".seconds: give a list of positive clip lengths, e.g. [4, 6, 8]");
        } else if (m.defaultSeconds() == null || !seconds.contains(m.defaultSeconds())) {
            problems.add(where + ".default-seconds: " + m.defaultSeconds() + " is not in seconds " + seconds);
        }
        List<FrameSize> sizes = new ArrayList<>();
        for (String size : m.sizes() == null ? List.<String>of() : m.sizes()) {
            FrameSize.parse(size).ifPresentOrElse(sizes::add,
                    () -> problems.add(where + ".sizes: '" + size + "' is not WIDTHxHEIGHT, e.g. 1280x720"));
        }
        if (m.sizes() == null || m.sizes().isEmpty()) {
            problems.add(where + ".sizes: give at least one size, e.g. [1280x720]");
        }
        Map<ResolutionTier, BigDecimal> prices = prices(m.pricePerSecondUsd(), where, problems);
        for (var flag : Map.of("seed", m.seed(), "negative-prompt", m.negativePrompt(), "audio", m.audio())
                .entrySet()) {
            if (flag.getValue() == null) {
                problems.add(where + "." + flag.getKey() + ": say true or false");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ModelSpec(m.id(), m.name(), m.providerModel(), lifecycle, m.sunset(),
                m.replacement(), seconds, m.defaultSeconds(), sizes, m.seed(), m.negativePrompt(), m.audio(),
                prices, m.providers() == null ? Map.of() : m.providers()));
    }

    private static Map<ResolutionTier, BigDecimal> prices(Map<String, BigDecimal> written, String where,
                                                          List<String> problems) {
        Map<ResolutionTier, BigDecimal> prices = new EnumMap<>(ResolutionTier.class);
        if (written == null || written.isEmpty()) {
            problems.add(where + ".price-per-second-usd: give at least one tier, e.g. {720p: 0.40}");
            return prices;
        }
        String tiers = Arrays.stream(ResolutionTier.values()).map(ResolutionTier::wireName)
                .collect(Collectors.joining(", "));
        written.forEach((tier, price) -> {
            Optional<ResolutionTier> known = ResolutionTier.fromWire(tier);
            if (known.isEmpty()) {
                problems.add(where + ".price-per-second-usd: unknown tier '" + tier + "'; allowed: " + tiers);
            } else if (price == null || price.signum() < 0) {
                problems.add(where + ".price-per-second-usd." + tier + ": give a price of 0 or more");
            } else {
                prices.put(known.get(), price);
            }
        });
        return prices;
    }

    /** Works on the file as written, so a replacement is checked even when its own model has other problems. */
    private static void checkReplacements(List<CatalogFile.Model> written, List<String> problems) {
        Map<String, String> statusById = new LinkedHashMap<>();
        written.forEach(m -> statusById.put(m.id(), m.status()));
        for (CatalogFile.Model m : written) {
            String replacement = m.replacement();
            if (replacement == null) {
                continue;
            }
            String where = "models (" + m.id() + ").replacement: '" + replacement + "' ";
            if (!statusById.containsKey(replacement)) {
                problems.add(where + "is not a model id");
            } else if (Lifecycle.RETIRED.wireName().equals(statusById.get(replacement))) {
                problems.add(where + "is itself retired");
            }
        }
    }

    private static void checkAliases(Map<String, String> aliases, Map<String, ModelSpec> models,
                                     List<String> problems) {
        aliases.forEach((alias, target) -> {
            if (!ID.matcher(alias).matches()) {
                problems.add("aliases." + alias + ": not a valid alias name (1-80 of a-z 0-9 . _ -)");
            }
            if (models.containsKey(alias)) {
                problems.add("aliases." + alias + ": an alias must not hide the model with the same id");
            }
            if (!models.containsKey(target)) {
                problems.add("aliases." + alias + ": points at '" + target + "', which is not a model id");
            }
        });
    }

    private static void require(String value, String path, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(path + ": required");
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "(file)" : path.toString();
    }
}
