package io.reelhub.wiring;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * What a kamelet in {@code connectors/} declares: its name and the properties a caller may or must give.
 *
 * @param name       {@code metadata.name}, the name a {@code kamelet:} URI uses
 * @param file       the file it was read from
 * @param line       the line of {@code metadata.name}
 * @param properties the declared properties by name, in file order
 */
record KameletSpec(String name, YamlFile file, int line, Map<String, Property> properties) {

    static final String SUFFIX = ".kamelet.yaml";

    /**
     * @param secret     declared with {@code format: password}: its value must come from the environment
     * @param hasDefault the kamelet supplies a value when the caller gives none
     */
    record Property(String name, boolean required, boolean secret, boolean hasDefault, String defaultValue, int line) {
    }

    /** The name a file of this kind promises: {@code folder-sink.kamelet.yaml} holds {@code folder-sink}. */
    static String nameFromFile(String fileName) {
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }

    static KameletSpec read(YamlFile file) {
        Node root = file.root().orElse(null);
        String fileName = file.path().getFileName().toString();
        if (root == null) {
            return new KameletSpec(nameFromFile(fileName), file, 1, Map.of());
        }
        Node nameNode = YamlFile.path(root, "metadata", "name").orElse(null);
        String name = nameNode == null ? null : YamlFile.text(nameNode);
        Node definition = YamlFile.path(root, "spec", "definition").orElse(null);
        Set<String> required = new LinkedHashSet<>();
        Map<String, Property> properties = new LinkedHashMap<>();
        if (definition != null) {
            YamlFile.get(definition, "required").ifPresent(list -> YamlFile.items(list).stream()
                    .map(YamlFile::text).forEach(required::add));
            for (NodeTuple entry : YamlFile.entries(YamlFile.get(definition, "properties").orElse(null))) {
                String property = YamlFile.text(entry.getKeyNode());
                Node schema = entry.getValueNode();
                Node defaultNode = YamlFile.get(schema, "default").orElse(null);
                properties.put(property, new Property(property, required.contains(property),
                        "password".equals(YamlFile.get(schema, "format").map(YamlFile::text).orElse(null)),
                        defaultNode != null, defaultNode == null ? null : YamlFile.text(defaultNode),
                        YamlFile.line(entry.getKeyNode())));
            }
        }
        return new KameletSpec(name == null ? nameFromFile(fileName) : name, file,
                nameNode == null ? 1 : YamlFile.line(nameNode), properties);
    }

    /** Properties a caller must give: required and without a default. */
    Set<String> mandatory() {
        Set<String> mandatory = new LinkedHashSet<>();
        properties.values().stream().filter(p -> p.required() && !p.hasDefault()).forEach(p -> mandatory.add(p.name()));
        return mandatory;
    }
}
