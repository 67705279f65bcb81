package io.reelhub.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.1 document, for the keywords the hub's document uses:
 * {@code $ref}, {@code type} (one or several), {@code enum}, {@code oneOf}, {@code required}, {@code properties},
 * {@code additionalProperties: false} and {@code items}. Enough to catch a member the implementation added, renamed
 * or dropped without the document following.
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Every mismatch, each with the JSON path where it was found; empty when the value fits. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            long fitting = 0;
            for (JsonNode option : schema.get("oneOf")) {
                if (problems(value, option).isEmpty()) {
                    fitting++;
                }
            }
            if (fitting != 1) {
                problems.add(where + ": fits " + fitting + " of the oneOf schemas");
            }
            return;
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            problems.add(where + ": " + kind(value) + " where the schema says " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            checkObject(value, schema, where, problems);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), where + "[" + i + "]", problems);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String where, List<String> problems) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(where + ": required member '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").asBoolean();
        value.fields().forEachRemaining(member -> {
            if (properties.has(member.getKey())) {
                check(member.getValue(), properties.get(member.getKey()), where + "." + member.getKey(), problems);
            } else if (closed) {
                problems.add(where + ": member '" + member.getKey() + "' is not in the document");
            }
        });
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported: " + ref);
            }
            schema = document.at(ref.substring(1));
            if (schema.isMissingNode()) {
                throw new IllegalArgumentException("dangling reference " + ref);
            }
        }
        return schema;
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value) || candidate.asText().equals(value.asText()) && value.isValueNode()) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + abbreviate(value);
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
