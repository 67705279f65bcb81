package io.reelhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fenced code blocks of a Markdown page, so that a test can run what the page tells a reader to do. A block's
 * info string is its language followed by words ({@code text output}) and {@code key=value} attributes
 * ({@code yaml file=reelhub.yaml}).
 */
public final class DocBlocks {

    /** One fenced block. */
    public record Block(String language, List<String> words, Map<String, String> attributes, String body) {

        public boolean is(String word) {
            return words.contains(word);
        }

        public String attribute(String name) {
            return attributes.get(name);
        }
    }

    private DocBlocks() {
    }

    public static List<Block> of(Path markdown) {
        try {
            return parse(Files.readString(markdown));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Block> parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String info = null;
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (info == null && line.startsWith("```")) {
                info = line.substring(3).strip();
                body.setLength(0);
            } else if (info != null && line.startsWith("```")) {
                blocks.add(block(info, body.toString()));
                info = null;
            } else if (info != null) {
                body.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static Block block(String info, String body) {
        List<String> parts = info.isEmpty() ? List.of() : Arrays.asList(info.split("\\s+"));
        String language = parts.isEmpty() ? "" : parts.get(0);
        List<String> words = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                attributes.put(part.substring(0, eq), part.substring(eq + 1));
            } else {
                words.add(part);
            }
        }
        return new Block(language, words, attributes, body);
    }

    /** The one block matching, failing the test when the page has none or several. */
    public static Block only(List<Block> blocks, java.util.function.Predicate<Block> which, String description) {
        List<Block> found = blocks.stream().filter(which).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one block that is " + description + " in the page, found "
                    + found.size());
        }
        return found.get(0);
    }
}
