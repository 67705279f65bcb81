package io.reelhub.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conventions of the Apache camel-kamelets catalog that every kamelet in {@code connectors/} follows, checked so
 * that an integrator's mistake fails the build instead of a delivery at 3 a.m. Lists every problem found.
 */
final class KameletConventions {

    private static final Set<String> TYPES = Set.of("source", "sink", "action");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([^{}]+?)}}");
    // Placeholders that call a Camel property function instead of naming a kamelet property.
    private static final Set<String> PROPERTY_FUNCTIONS = Set.of("env", "sys", "bean", "service", "service.host",
            "service.port");
    private static final Set<String> SECRET_WORDS = Set.of("key", "token", "secret", "password");

    private KameletConventions() {
    }

    static List<String> problems(String fileName, JsonNode kamelet) {
        List<String> problems = new ArrayList<>();
        String name = kamelet.path("metadata").path("name").asText("");
        String type = kamelet.path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText("");

        if (!"camel.apache.org/v1".equals(kamelet.path("apiVersion").asText())
                || !"Kamelet".equals(kamelet.path("kind").asText())) {
            problems.add("apiVersion must be camel.apache.org/v1 and kind Kamelet");
        }
        if (!fileName.equals(name + ".kamelet.yaml")) {
            problems.add("file name " + fileName + " must be metadata.name + .kamelet.yaml (" + name
                    + ".kamelet.yaml)");
        }
        if (!TYPES.contains(type)) {
            problems.add("label camel.apache.org/kamelet.type must be one of " + TYPES + ", was '" + type + "'");
        } else if (!name.endsWith("-" + type)) {
            problems.add("a " + type + " kamelet is named <system>-" + type + ", was " + name);
        }

        JsonNode definition = kamelet.path("spec").path("definition");
        for (String field : List.of("title", "description")) {
            if (definition.path(field).asText("").isBlank()) {
                problems.add("spec.definition needs a " + field);
            }
        }

        Map<String, JsonNode> declared = new LinkedHashMap<>();
        definition.path("properties").fields().forEachRemaining(p -> declared.put(p.getKey(), p.getValue()));
        Set<String> required = new LinkedHashSet<>();
        definition.path("required").forEach(r -> required.add(r.asText()));

        for (String r : required) {
            if (!declared.containsKey(r)) {
                problems.add("required property " + r + " is not declared under properties");
            }
        }
        declared.forEach((property, schema) -> {
            for (String field : List.of("title", "description", "type")) {
                if (schema.path(field).asText("").isBlank()) {
                    problems.add("property " + property + " needs a " + field);
                }
            }
            if (looksSecret(property) && !"password".equals(schema.path("format").asText())) {
                problems.add("property " + property + " looks like a secret and needs format: password");
            }
        });

        Map<String, Set<String>> uses = placeholders(kamelet.path("spec").path("template"));
        uses.forEach((property, forms) -> {
            if (!declared.containsKey(property)) {
                problems.add("template uses {{" + property + "}} but no such property is declared");
                return;
            }
            boolean isRequired = required.contains(property);
            boolean hasDefault = declared.get(property).has("default");
            if (isRequired && forms.contains("{{?")) {
                problems.add("required property " + property + " must be used as {{" + property + "}}");
            }
            // An optional property with a default always has a value, so the catalog uses it as {{x}}.
            if (!isRequired && !hasDefault && forms.contains("{{")) {
                problems.add("optional property " + property + " must be used as {{?" + property + "}}");
            }
        });
        declared.keySet().stream()
                .filter(property -> !uses.containsKey(property))
                .forEach(property -> problems.add("property " + property + " is declared but never used"));
        return problems;
    }

    /** Property name to the placeholder forms ({@code "{{"} or {@code "{{?"}) the template uses it with. */
    private static Map<String, Set<String>> placeholders(JsonNode template) {
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        collect(template, uses);
        return uses;
    }

    private static void collect(JsonNode node, Map<String, Set<String>> uses) {
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            while (m.find()) {
                String key = m.group(2).trim();
                int colon = key.indexOf(':');
                if (colon >= 0 && PROPERTY_FUNCTIONS.contains(key.substring(0, colon))) {
                    continue;
                }
                String property = colon >= 0 ? key.substring(0, colon) : key;
                uses.computeIfAbsent(property, p -> new LinkedHashSet<>()).add(m.group(1).isEmpty() ? "{{" : "{{?");
            }
        }
        node.forEach(child -> collect(child, uses));
    }

    /** Splits camelCase and kebab names into words, so "apiKey" is a secret and "keyframeCount" is not. */
    private static boolean looksSecret(String property) {
        for (String word : property.split("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
