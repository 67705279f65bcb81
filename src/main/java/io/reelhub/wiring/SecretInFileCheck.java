package io.reelhub.wiring;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Secrets written into files instead of taken from the environment: a kamelet property declared with
 * {@code format: password} given a literal value in a route, in a destination's settings in a YAML file, or as
 * the kamelet's own default. Placeholders ({@code {{env:X}}}, {@code ${X}}) are what these must be. The secret's
 * value is never repeated in the report.
 */
final class SecretInFileCheck implements WiringCheck {

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        for (EndpointReference reference : wiring.references()) {
            KameletSpec kamelet = reference.isKamelet() ? wiring.kamelets().get(reference.name()) : null;
            if (kamelet == null) {
                continue;
            }
            reference.options().values().forEach(option -> {
                KameletSpec.Property property = kamelet.properties().get(option.name());
                if (property != null && property.secret() && !option.isPlaceholder()) {
                    problems.add(WiringProblem.at(reference.file().name(), option.line(), "'" + option.name()
                            + "' of kamelet '" + kamelet.name() + "' is a secret (format: password) written in the"
                            + " file; write {{env:" + envName(kamelet.name(), option.name())
                            + "}} and set that variable in the environment"));
                }
            });
        }
        wiring.destinationSettings().forEach((destination, settings) -> {
            KameletSpec kamelet = wiring.kamelets().get(Wiring.kameletOf(destination));
            if (kamelet != null) {
                checkSettings(kamelet, settings, problems);
            }
        });
        wiring.kamelets().values().forEach(kamelet -> kamelet.properties().values().forEach(property -> {
            if (property.secret() && property.hasDefault() && property.defaultValue() != null
                    && !property.defaultValue().contains("{{")) {
                problems.add(WiringProblem.at(kamelet.file().name(), property.line(), "property '" + property.name()
                        + "' is a secret (format: password) with a default written in the file; remove the default"));
            }
        }));
    }

    private static void checkSettings(KameletSpec kamelet, Map<String, Setting> settings,
                                      List<WiringProblem> problems) {
        settings.forEach((key, setting) -> {
            KameletSpec.Property property = kamelet.properties().get(Wiring.camelCase(key));
            if (property != null && property.secret() && setting.inFile() && !setting.isPlaceholder()) {
                problems.add(new WiringProblem(setting.where(), setting.name() + " is a secret (format: password in"
                        + " connectors/" + kamelet.name() + KameletSpec.SUFFIX + ") written in the file; write ${"
                        + envName(kamelet.name(), property.name()) + "} and set that variable in the environment"));
            }
        });
    }

    /** A suggested variable name: slack-sink's webhookUrl becomes SLACK_WEBHOOK_URL. */
    static String envName(String kamelet, String property) {
        String system = kamelet.endsWith(Wiring.SINK_SUFFIX)
                ? kamelet.substring(0, kamelet.length() - Wiring.SINK_SUFFIX.length()) : kamelet;
        return (system + "_" + KameletPropertiesCheck.kebabCase(property)).replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }
}
