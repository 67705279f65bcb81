package io.reelhub.wiring;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.camel.util.URISupport;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A {@code kamelet:} or {@code direct:} endpoint written in a route or kamelet file, with the options given to it
 * in the URI or in a {@code parameters:} block beside it.
 *
 * @param scheme     {@code kamelet} or {@code direct}
 * @param name       the kamelet or direct endpoint name, e.g. {@code folder-sink}, {@code deliver-to-slack}
 * @param file       the file it is written in
 * @param line       the line of the URI
 * @param consumer   true for a route's {@code from:}, false for a {@code to:} and its kin
 * @param options    the options passed, by name
 * @param unreadable why the URI's options could not be read, or null
 */
record EndpointReference(String scheme, String name, YamlFile file, int line, boolean consumer,
                         Map<String, Option> options, String unreadable) {

    /** One option passed to an endpoint, with the line it is written on. */
    record Option(String name, String value, int line) {

        /** A value written as a placeholder ({@code {{env:X}}}, {@code {{x}}}, {@code ${x}}) rather than literally. */
        boolean isPlaceholder() {
            return value != null && (value.contains("{{") || value.contains("${"));
        }
    }

    static final String KAMELET = "kamelet";
    static final String DIRECT = "direct";

    /** Every {@code kamelet:} and {@code direct:} endpoint in the file whose name is not itself a placeholder. */
    static List<EndpointReference> scan(YamlFile file) {
        List<EndpointReference> found = new ArrayList<>();
        for (Node document : file.documents()) {
            walk(file, document, null, found::add);
        }
        return found;
    }

    private static void walk(YamlFile file, Node node, String key, Consumer<EndpointReference> found) {
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(file, item, key, found));
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple entry : mapping.getValue()) {
            String entryKey = YamlFile.text(entry.getKeyNode());
            Node value = entry.getValueNode();
            if (value instanceof ScalarNode scalar && entryKey != null) {
                boolean consumer = "from".equals(entryKey) || ("uri".equals(entryKey) && "from".equals(key));
                Node parameters = "uri".equals(entryKey) ? YamlFile.get(mapping, "parameters").orElse(null) : null;
                parse(file, scalar, consumer, parameters).ifPresent(found);
            } else {
                walk(file, value, entryKey, found);
            }
        }
    }

    private static Optional<EndpointReference> parse(YamlFile file, ScalarNode uriNode, boolean consumer,
                                                               Node parameters) {
        String uri = uriNode.getValue().trim();
        int colon = uri.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String scheme = uri.substring(0, colon);
        if (!scheme.equals(KAMELET) && !scheme.equals(DIRECT)) {
            return Optional.empty();
        }
        String rest = uri.substring(colon + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int question = rest.indexOf('?');
        String name = question < 0 ? rest : rest.substring(0, question);
        if (scheme.equals(KAMELET) && name.contains("/")) {
            name = name.substring(0, name.indexOf('/')); // kamelet:name/routeId
        }
        if (name.contains("{{") || name.contains("${") || name.isBlank()) {
            return Optional.empty(); // a template's placeholder: checked where the template is used
        }
        int line = YamlFile.line(uriNode);
        Map<String, Option> options = new LinkedHashMap<>();
        String unreadable = null;
        if (question >= 0) {
            try {
                URISupport.parseQuery(rest.substring(question + 1), true, true)
                        .forEach((k, v) -> options.put(k, new Option(k, v == null ? null : String.valueOf(v), line)));
            } catch (URISyntaxException e) {
                unreadable = e.getMessage();
            }
        }
        for (NodeTuple entry : YamlFile.entries(parameters)) {
            String option = YamlFile.text(entry.getKeyNode());
            options.put(option, new Option(option, YamlFile.text(entry.getValueNode()),
                    YamlFile.line(entry.getKeyNode())));
        }
        return Optional.of(new EndpointReference(scheme, name, file, line, consumer, options, unreadable));
    }

    boolean isKamelet() {
        return scheme.equals(KAMELET);
    }

    /** The virtual endpoints a kamelet's own template uses for its input and output. */
    boolean isKameletSelf() {
        return isKamelet() && (name.equals("source") || name.equals("sink"));
    }
}
