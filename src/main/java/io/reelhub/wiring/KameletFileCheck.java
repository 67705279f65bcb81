package io.reelhub.wiring;

import java.util.List;

/**
 * Kamelet files that Camel would find under one name and call by another: Camel looks a kamelet up by its file
 * name, so {@code metadata.name} must match it; and {@code required:} entries that name no declared property.
 */
final class KameletFileCheck implements WiringCheck {

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        wiring.kamelets().forEach((fileName, kamelet) -> {
            if (kamelet.file().syntaxError().isPresent()) {
                return;
            }
            if (!kamelet.name().equals(fileName)) {
                problems.add(WiringProblem.at(kamelet.file().name(), kamelet.line(), "metadata.name is '"
                        + kamelet.name() + "' but the file is named " + fileName + KameletSpec.SUFFIX
                        + "; Camel finds kamelets by file name, so make them the same"));
            }
            YamlFile.path(kamelet.file().root().orElseThrow(), "spec", "definition", "required")
                    .ifPresent(required -> YamlFile.items(required).forEach(item -> {
                        String property = YamlFile.text(item);
                        if (!kamelet.properties().containsKey(property)) {
                            problems.add(WiringProblem.at(kamelet.file().name(), YamlFile.line(item),
                                    "required property '" + property + "' is not declared under properties"));
                        }
                    }));
        });
    }
}
