package io.reelhub.brief;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a brief's text into a tree, as JSON or YAML (JSON when the file name ends in {@code .json} or the text
 * starts with a brace or bracket; YAML otherwise).
 * <p>
 * YAML is screened first, event by event, without building anything: anchors, aliases and explicit tags are
 * refused with their line. Aliases are how "billion laughs" bombs expand a small file into gigabytes, and tags
 * ({@code !!python/object}, {@code !foo}) ask a loader to build arbitrary types; a brief needs neither, and the
 * event stream never expands an alias, so even a bomb is refused in the time it takes to read it once.
 */
final class BriefDocument {

    /** A brief is a few levels deep; this leaves room and keeps a deeply nested file from exhausting the stack. */
    static final int MAX_DEPTH = 32;
    /** Past this many refused anchors, aliases or tags the rest are counted rather than listed. */
    private static final int MAX_LISTED = 20;
    /** The parser reports {@code !!x} as this prefix plus {@code x}; messages show it as the user wrote it. */
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private final LoaderOptions loaderOptions;
    private final ObjectMapper yaml;
    private final ObjectMapper json;

    BriefDocument(long maxBytes) {
        // The screen below already refuses aliases; these options keep the tree reader safe on its own too.
        loaderOptions = new LoaderOptions();
        loaderOptions.setAllowRecursiveKeys(false);
        loaderOptions.setMaxAliasesForCollections(0);
        loaderOptions.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxBytes, 1)));
        yaml = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(loaderOptions).build())
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // keep the written scale, so a budget of 12.50 is reported as 12.50, not 12.5
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        json = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // keep the written scale, so a budget of 12.50 is reported as 12.50, not 12.5
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** The document's root, or empty with the problems added to {@code errors}. */
    Optional<JsonNode> read(String text, String fileName, List<Problem> errors) {
        return isJson(text, fileName) ? readJson(text, errors) : readYaml(text, errors);
    }

    static boolean isJson(String text, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return false;
        }
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private Optional<JsonNode> readJson(String text, List<Problem> errors) {
        try {
            return present(json.readTree(text), errors);
        } catch (JsonProcessingException e) {
            errors.add(new Problem("", "not valid JSON" + where(e.getLocation()) + ": " + e.getOriginalMessage()));
            return Optional.empty();
        }
    }

    private Optional<JsonNode> readYaml(String text, List<Problem> errors) {
        if (!screen(text, errors)) {
            return Optional.empty();
        }
        try {
            return present(yaml.readTree(text), errors);
        } catch (JsonProcessingException e) {
            errors.add(new Problem("", "not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage()));
            return Optional.empty();
        }
    }

    /** True when the YAML holds one document with no anchors, aliases, tags or excessive nesting. */
    private boolean screen(String text, List<Problem> errors) {
        List<Problem> found = new ArrayList<>();
        int refused = 0;
        int documents = 0;
        int depth = 0;
        try {
            for (Event event : new Yaml(loaderOptions).parse(new StringReader(text))) {
                String refusal = refusal(event);
                if (refusal != null && refused++ < MAX_LISTED) {
                    found.add(new Problem("", "line " + line(event) + ": " + refusal));
                }
                if (event instanceof DocumentStartEvent) {
                    documents++;
                } else if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                    found.add(new Problem("", "line " + line(event) + ": nested more than " + MAX_DEPTH
                            + " levels deep; a brief needs a few"));
                    break;
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (MarkedYAMLException e) {
            found.add(new Problem("", "not valid YAML (line " + (e.getProblemMark().getLine() + 1) + "): "
                    + e.getProblem()));
        } catch (YAMLException e) {
            found.add(new Problem("", "not valid YAML: " + e.getMessage()));
        }
        if (refused > MAX_LISTED) {
            found.add(new Problem("", "... and " + (refused - MAX_LISTED)
                    + " more anchors, aliases or tags; a brief may use none"));
        }
        if (documents > 1) {
            found.add(new Problem("", "the file holds " + documents + " YAML documents; a brief is one document"));
        }
        errors.addAll(found);
        return found.isEmpty();
    }

    private static String refusal(Event event) {
        if (event instanceof AliasEvent alias) {
            return "YAML alias *" + alias.getAnchor() + " is not allowed in a brief (aliases can expand a file"
                    + " into a bomb); write the value out";
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            return "YAML anchor &" + node.getAnchor() + " is not allowed in a brief; write the value out";
        }
        String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
        if (tag != null) {
            String written = tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
            return "YAML tag " + written + " is not allowed in a brief; remove it";
        }
        return null;
    }

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }

    private static Optional<JsonNode> present(JsonNode root, List<Problem> errors) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            errors.add(new Problem("", "the file is empty (it holds only comments or blank lines)"));
            return Optional.empty();
        }
        return Optional.of(root);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
