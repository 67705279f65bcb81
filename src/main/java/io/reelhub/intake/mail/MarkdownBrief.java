package io.reelhub.intake.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.reelhub.brief.Problem;

/**
 * A brief attached as Markdown ({@code .md}). The fields are YAML front matter between two {@code ---} lines, as in
 * static-site generators; the text below gives the prompt when the front matter has none: {@code ## Scene}-style
 * headings or {@code Scene:} lines become the five sections, any other text becomes one free-text prompt. Without
 * front matter the whole file is read as a {@link PlainTextBrief}.
 * <p>
 * The front matter is passed on as written (so YAML errors keep their line numbers and the hub's YAML safety checks
 * apply); only a {@code prompt:} taken from the text is appended to it.
 */
final class MarkdownBrief {

    private static final Pattern TOP_LEVEL_PROMPT = Pattern.compile("(?m)^prompt\\s*:");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    /**
     * @param content  the brief for the hub's checker: YAML, or JSON when the file had no front matter
     * @param warnings what the reader left out, to mention in the reply
     */
    record Converted(byte[] content, List<Problem> warnings) {
    }

    private MarkdownBrief() {
    }

    static Converted read(String markdown, Optional<String> defaultProject) {
        String text = markdown.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            PlainTextBrief.Parsed parsed = PlainTextBrief.read(text, defaultProject);
            return new Converted(parsed.json(), parsed.warnings());
        }
        int end = text.indexOf("\n---", 3);
        while (end >= 0 && !(end + 4 == text.length() || text.charAt(end + 4) == '\n')) {
            end = text.indexOf("\n---", end + 4);
        }
        String front = end < 0 ? text.substring(4) : text.substring(4, end + 1);
        String body = end < 0 ? "" : text.substring(Math.min(text.length(), end + 5));
        List<Problem> warnings = new ArrayList<>();
        if (TOP_LEVEL_PROMPT.matcher(front).find()) {
            if (!body.isBlank()) {
                warnings.add(new Problem("prompt", "the front matter has a prompt, so the text below it was not"
                        + " used"));
            }
            return new Converted(front.getBytes(StandardCharsets.UTF_8), warnings);
        }
        ObjectNode prompt = prompt(body);
        if (prompt == null) {
            return new Converted(front.getBytes(StandardCharsets.UTF_8), warnings);
        }
        try {
            String appended = (front.endsWith("\n") || front.isEmpty() ? front : front + "\n")
                    + YAML.writeValueAsString(prompt);
            return new Converted(appended.getBytes(StandardCharsets.UTF_8), warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {prompt: {...}}} or {@code {prompt: "..."}} from the text below the front matter; null when empty. */
    private static ObjectNode prompt(String body) {
        PlainTextBrief.Parsed parsed = PlainTextBrief.read(body, Optional.empty());
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (parsed.hasPrompt()) {
            ObjectNode sections = root.putObject("prompt");
            for (Map.Entry<PlainTextBrief.Field, String> field : parsed.fields().entrySet()) {
                if (field.getKey().isPrompt() && field.getKey() != PlainTextBrief.Field.PROMPT) {
                    sections.put(field.getKey().path().substring("prompt.".length()), field.getValue());
                }
            }
            if (sections.isEmpty()) {
                root.put("prompt", parsed.fields().get(PlainTextBrief.Field.PROMPT));
            }
            return root;
        }
        String free = body.strip();
        if (free.isEmpty()) {
            return null;
        }
        root.put("prompt", free.replaceAll("(?m)^\\s{0,3}#{1,6}\\s+", "").replaceAll("\\s+", " "));
        return root;
    }
}
