package io.reelhub.intake.mail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.Problem;

/**
 * A brief written as plain text in a mail, one {@code Field: value} line per field:
 * <pre>
 * Project: acme-spring
 * Scene: Rain-soaked neon street in Tokyo at night
 * Characters: A woman in her 30s, red trench coat
 * Action: She walks toward camera, then looks up
 * Tone: Tense
 * Style: Anamorphic 35mm
 * Seconds: 4
 * </pre>
 * Field names ignore case; Markdown headings ({@code ## Scene}) work too. A line that is not a field continues the
 * field above it (mail clients wrap long lines) until a blank line; under a heading, until the next field. Text
 * before the first field (a greeting), quoted lines ({@code > ...}) and everything from the signature line
 * ({@code -- }) on are ignored. The fields become a brief (format 1) written as JSON, so the hub's one checker
 * validates it; {@link Field#path} says which brief field each line fills, and error paths are shown with the line
 * they came from.
 */
final class PlainTextBrief {

    /** The fields a text brief may have, with the brief field each fills and how its value is read. */
    enum Field {
        PROJECT("Project", "project", Kind.TEXT),
        ID("Id", "id", Kind.TEXT),
        TITLE("Title", "title", Kind.TEXT),
        STAGE("Stage", "stage", Kind.TEXT),
        MODEL("Model", "model", Kind.TEXT),
        INTENT("Intent", "intent", Kind.LIST),
        PROMPT("Prompt", "prompt", Kind.TEXT),
        SCENE("Scene", "prompt.scene", Kind.TEXT),
        CHARACTERS("Characters", "prompt.characters", Kind.TEXT),
        ACTION("Action", "prompt.action", Kind.TEXT),
        TONE("Tone", "prompt.tone", Kind.TEXT),
        STYLE("Style", "prompt.style", Kind.TEXT),
        SECONDS("Seconds", "params.seconds", Kind.WHOLE),
        ASPECT("Aspect", "params.aspect", Kind.TEXT),
        RESOLUTION("Resolution", "params.resolution", Kind.TEXT),
        SIZE("Size", "params.size", Kind.TEXT),
        SEED("Seed", "params.seed", Kind.WHOLE),
        NEGATIVE("Negative", "params.negative", Kind.TEXT),
        STYLE_WEIGHT("Style weight", "params.style_weight", Kind.DECIMAL),
        AUDIO("Audio", "params.audio", Kind.YES_NO),
        VARIATIONS("Variations", "variations", Kind.WHOLE),
        DESTINATIONS("Destinations", "destinations", Kind.LIST),
        CALLBACK("Callback", "callback", Kind.TEXT),
        BUDGET("Budget", "budget_usd", Kind.DECIMAL);

        private final String label;
        private final String path;
        private final Kind kind;

        Field(String label, String path, Kind kind) {
            this.label = label;
            this.path = path;
            this.kind = kind;
        }

        String label() {
            return label;
        }

        String path() {
            return path;
        }

        boolean isPrompt() {
            return path.startsWith("prompt");
        }

        static Optional<Field> named(String written) {
            String key = written.trim().replaceAll("[\\s_-]+", " ").toLowerCase(Locale.ROOT);
            if (key.equals("character")) {
                key = "characters";
            } else if (key.equals("budget usd")) {
                key = "budget";
            } else if (key.equals("brief id")) {
                key = "id";
            }
            for (Field field : values()) {
                if (field.label.toLowerCase(Locale.ROOT).equals(key)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }

        static String allowed() {
            return Arrays.stream(values()).map(Field::label).collect(Collectors.joining(", "));
        }
    }

    private enum Kind { TEXT, LIST, WHOLE, DECIMAL, YES_NO }

    /**
     * @param json     the brief as JSON, ready for the hub's checker
     * @param fields   the fields found, in the order written
     * @param warnings lines that looked like fields but are not ones
     */
    record Parsed(byte[] json, Map<Field, String> fields, List<Problem> warnings) {

        boolean hasPrompt() {
            return fields.keySet().stream().anyMatch(Field::isPrompt);
        }
    }

    private static final Pattern KEY_LINE = Pattern.compile("^\\s*([A-Za-z][A-Za-z _-]{0,20}?)\\s*:\\s?(.*)$");
    private static final Pattern HEADING =
            Pattern.compile("^\\s{0,3}#{1,6}\\s+([A-Za-z][A-Za-z _-]{0,20}?)\\s*:?\\s*#*\\s*$");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainTextBrief() {
    }

    /**
     * @param defaultProject the project to use when the text names none (the sender's only allowed project)
     */
    static Parsed read(String text, Optional<String> defaultProject) {
        Map<Field, StringBuilder> values = new LinkedHashMap<>();
        List<Problem> warnings = new ArrayList<>();
        Field current = null;
        boolean underHeading = false;
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            Matcher key = KEY_LINE.matcher(line);
            Optional<Field> field = heading.matches() ? Field.named(heading.group(1))
                    : key.matches() ? Field.named(key.group(1)) : Optional.empty();
            if (field.isPresent()) {
                current = field.get();
                underHeading = heading.matches();
                StringBuilder value = new StringBuilder(underHeading ? "" : key.group(2).trim());
                values.put(current, value);
            } else if (line.isBlank()) {
                if (!underHeading) {
                    current = null;
                }
            } else if (current != null) {
                StringBuilder value = values.get(current);
                if (!value.isEmpty()) {
                    value.append(underHeading && isListItem(line) ? "\n" : " ");
                }
                value.append(line.trim());
            } else if (!values.isEmpty() && key.matches() && key.group(2).trim().length() > 0) {
                warnings.add(new Problem("", "the line '" + key.group(1).trim() + ":' is not a brief field and was"
                        + " ignored; fields: " + Field.allowed()));
            }
        }
        Map<Field, String> fields = new LinkedHashMap<>();
        values.forEach((field, value) -> fields.put(field, value.toString().trim()));
        if (!fields.containsKey(Field.PROJECT) && defaultProject.isPresent()) {
            fields.put(Field.PROJECT, defaultProject.get());
        }
        return new Parsed(toJson(fields), fields, warnings);
    }

    private static boolean isListItem(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("- ") || trimmed.startsWith("* ");
    }

    private static byte[] toJson(Map<Field, String> fields) {
        ObjectNode brief = JsonNodeFactory.instance.objectNode();
        brief.put("brief", 1);
        fields.forEach((field, value) -> {
            if (value.isEmpty()) {
                return;
            }
            String[] path = field.path().split("\\.");
            ObjectNode parent = brief;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.has(path[i]) && parent.get(path[i]).isObject() ? (ObjectNode) parent.get(path[i])
                        : parent.putObject(path[i]);
            }
            put(parent, path[path.length - 1], field.kind, value);
        });
        try {
            return JSON.writeValueAsBytes(brief);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values the checker cannot read as their type stay text, so it reports them with their path. */
    private static void put(ObjectNode parent, String name, Kind kind, String value) {
        switch (kind) {
            case LIST -> {
                ArrayNode list = parent.putArray(name);
                Arrays.stream(value.split("[,\\n]")).map(String::trim).map(s -> s.replaceFirst("^[-*]\\s+", ""))
                        .filter(s -> !s.isEmpty()).forEach(list::add);
            }
            case WHOLE -> {
                if (DIGITS.matcher(value).matches()) {
                    parent.put(name, Long.parseLong(value));
                } else {
                    parent.put(name, value);
                }
            }
            case DECIMAL -> {
                String number = value.replaceFirst("^\\$\\s*", "").replaceFirst("(?i)\\s*(usd|\\$)$", "").trim();
                try {
                    parent.put(name, new BigDecimal(number));
                } catch (NumberFormatException e) {
                    parent.put(name, value);
                }
            }
            case YES_NO -> {
                switch (value.toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "on", "y" -> parent.put(name, true);
                    case "no", "false", "off", "n" -> parent.put(name, false);
                    default -> parent.put(name, value);
                }
            }
            default -> parent.put(name, value);
        }
    }

    /** How an error path reads for someone who wrote the brief as text: {@code params.seconds ("Seconds:" line)}. */
    static String describe(String path) {
        if (path == null || path.isEmpty()) {
            return "(brief)";
        }
        for (Field field : Field.values()) {
            if (field.path().equals(path)) {
                return path + " (your \"" + field.label() + ":\" line)";
            }
        }
        return path;
    }
}
