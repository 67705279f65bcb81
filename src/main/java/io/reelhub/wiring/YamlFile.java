package io.reelhub.wiring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file of the wiring read into nodes that remember their line, so that every problem found later can name
 * the line it is on. A file that does not parse keeps its syntax error, with the line the parser stopped at.
 */
final class YamlFile {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Path path;
    private final String name;
    private final List<Node> documents;
    private final WiringProblem syntaxError;

    private YamlFile(Path path, String name, List<Node> documents, WiringProblem syntaxError) {
        this.path = path;
        this.name = name;
        this.documents = documents;
        this.syntaxError = syntaxError;
    }

    /** @param name how reports name the file, e.g. {@code routes/intake-folder.yaml} */
    static YamlFile read(Path path, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // Wiring files are small; a file that needs more is a mistake or an attack (alias bombs).
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(4 * 1024 * 1024);
        List<Node> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (Node document : new Yaml(options).composeAll(reader)) {
                if (document != null) {
                    documents.add(document);
                }
            }
            return new YamlFile(path, name, documents, null);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            return broken(path, name, mark == null ? 0 : mark.getLine() + 1, "YAML syntax error: " + problem + context);
        } catch (YAMLException e) {
            return broken(path, name, 0, "YAML syntax error: " + e.getMessage());
        } catch (CharacterCodingException e) {
            return broken(path, name, 0, "is not UTF-8 text");
        } catch (IOException e) {
            return broken(path, name, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static YamlFile broken(Path path, String name, int line, String message) {
        return new YamlFile(path, name, List.of(), WiringProblem.at(name, line, message));
    }

    Path path() {
        return path;
    }

    String name() {
        return name;
    }

    List<Node> documents() {
        return documents;
    }

    Optional<WiringProblem> syntaxError() {
        return Optional.ofNullable(syntaxError);
    }

    /** The first document, the only one a kamelet or catalog file has. */
    Optional<Node> root() {
        return documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(0));
    }

    // Node helpers shared by everything that reads wiring files.

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static Optional<Node> get(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                if (key.equals(text(entry.getKeyNode()))) {
                    return Optional.of(entry.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    /** Follows keys through nested mappings: {@code path(root, "spec", "definition")}. */
    static Optional<Node> path(Node node, String... keys) {
        Optional<Node> current = Optional.of(node);
        for (String key : keys) {
            current = current.flatMap(n -> get(n, key));
        }
        return current;
    }

    static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    static List<NodeTuple> entries(Node node) {
        return node instanceof MappingNode map ? map.getValue() : List.of();
    }

    static List<Node> items(Node node) {
        return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
    }

    /**
     * The line of a dotted path with indexes as problem texts use them ({@code models[2].seconds}), or of the
     * deepest part of it that exists; 1 when none does.
     */
    int lineOf(String dottedPath) {
        Optional<Node> root = root();
        if (root.isEmpty()) {
            return 1;
        }
        Node current = root.get();
        int line = 1;
        for (String part : dottedPath.split("\\.")) {
            String key = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            if (!key.isEmpty()) {
                Optional<Node> next = keyNode(current, key);
                if (next.isEmpty()) {
                    return line;
                }
                line = line(next.get());
                current = get(current, key).orElseThrow();
            }
            Matcher index = INDEX.matcher(part);
            while (index.find()) {
                List<Node> items = items(current);
                int i = Integer.parseInt(index.group(1));
                if (i >= items.size()) {
                    return line;
                }
                current = items.get(i);
                line = line(current);
            }
        }
        return line;
    }

    private static Optional<Node> keyNode(Node mapping, String key) {
        for (NodeTuple entry : entries(mapping)) {
            if (key.equals(text(entry.getKeyNode()))) {
                return Optional.of(entry.getKeyNode());
            }
        }
        return Optional.empty();
    }
}
