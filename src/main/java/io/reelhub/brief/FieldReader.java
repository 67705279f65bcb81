package io.reelhub.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads from a parsed brief that record a problem, with its path, instead of throwing, so one pass over a
 * brief finds every wrong field. Absent and null values read as empty: whether a field is required is the
 * caller's rule.
 */
final class FieldReader {

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,18}");

    private final List<Problem> errors;
    private final List<Problem> warnings;

    FieldReader(List<Problem> errors, List<Problem> warnings) {
        this.errors = errors;
        this.warnings = warnings;
    }

    void error(String path, String message) {
        errors.add(new Problem(path, message));
    }

    void warn(String path, String message) {
        warnings.add(new Problem(path, message));
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** Text; numbers and booleans are taken as written, since YAML types {@code title: 2026} as a number. */
    Optional<String> text(JsonNode node, String path) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            error(path, "expected text, found " + describe(node));
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /**
     * A whole number. Digits in quotes are accepted because some provider APIs (and briefs copied from them)
     * write lengths as strings; anything else in quotes is an error.
     */
    Optional<Long> whole(JsonNode node, String path) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.longValue());
        }
        if (node.isNumber() && isWhole(node.decimalValue())) {
            return Optional.of(node.decimalValue().longValueExact());
        }
        if (node.isTextual() && DIGITS.matcher(node.textValue().trim()).matches()) {
            return Optional.of(Long.parseLong(node.textValue().trim()));
        }
        error(path, "expected a whole number, found " + describe(node));
        return Optional.empty();
    }

    /** A whole number that fits an int; larger values are reported, not wrapped. */
    Optional<Integer> integer(JsonNode node, String path) {
        return whole(node, path).flatMap(value -> {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                error(path, value + " is out of range");
                return Optional.empty();
            }
            return Optional.of(value.intValue());
        });
    }

    Optional<BigDecimal> decimal(JsonNode node, String path) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(new BigDecimal(node.textValue().trim()));
            } catch (NumberFormatException ignored) {
                // reported below like any other non-number
            }
        }
        error(path, "expected a number, found " + describe(node));
        return Optional.empty();
    }

    Optional<Boolean> bool(JsonNode node, String path) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        error(path, "expected true or false, found " + describe(node));
        return Optional.empty();
    }

    /** A mapping; anything else is reported. */
    Optional<ObjectNode> mapping(JsonNode node, String path) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (node instanceof ObjectNode object) {
            return Optional.of(object);
        }
        error(path, "expected a mapping of fields, found " + describe(node));
        return Optional.empty();
    }

    /** A list of texts; a single text counts as a list of one, as in {@code intent: narrative}. */
    List<String> texts(JsonNode node, String path) {
        List<String> values = new ArrayList<>();
        if (absent(node)) {
            return values;
        }
        if (!node.isArray()) {
            text(node, path).ifPresent(values::add);
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            text(node.get(i), path + "[" + i + "]").ifPresent(values::add);
        }
        return values;
    }

    /** Warns about each field of {@code object} that is not in {@code known}. */
    void warnUnknown(ObjectNode object, Set<String> known, String parent) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                warn(path(parent, name), "unknown field '" + name + "', ignored");
            }
        }
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isWhole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0
                && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }
}
