package io.reelhub.wiring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is passed to a kamelet against what it declares, for {@code kamelet:} calls in route files and for the
 * destinations' settings ({@code reelhub.destinations.X.*} feeds {@code X-sink}): a required property nobody gives,
 * a property the kamelet does not declare (a typo Camel would pass on silently), a setting whose placeholder the
 * environment does not resolve.
 */
final class KameletPropertiesCheck implements WiringCheck {

    /** Options of the kamelet endpoint itself rather than of the kamelet template. */
    static final Set<String> ENDPOINT_OPTIONS = Set.of("location", "routeId", "templateId", "uuid",
            "bridgeErrorHandler", "exceptionHandler", "exchangePattern", "block", "failIfNoConsumers", "timeout",
            "lazyStartProducer", "noErrorHandler");

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        for (EndpointReference reference : wiring.references()) {
            KameletSpec kamelet = reference.isKamelet() && !reference.isKameletSelf()
                    ? wiring.kamelets().get(reference.name()) : null;
            if (kamelet != null) {
                checkCall(wiring, reference, kamelet, problems);
            }
        }
        for (String destination : wiring.destinations()) {
            KameletSpec kamelet = wiring.kamelets().get(Wiring.kameletOf(destination));
            if (kamelet != null && !wiring.handWrittenDestinations().contains(destination)) {
                checkSettings(wiring, destination, kamelet, problems);
            }
        }
    }

    private static void checkCall(Wiring wiring, EndpointReference reference, KameletSpec kamelet,
                                  List<WiringProblem> problems) {
        reference.options().values().forEach(option -> {
            if (!kamelet.properties().containsKey(option.name()) && !ENDPOINT_OPTIONS.contains(option.name())) {
                problems.add(WiringProblem.at(reference.file().name(), option.line(), "kamelet '" + kamelet.name()
                        + "' declares no property '" + option.name() + "'; its properties: " + declared(kamelet)));
            }
        });
        // A destination's settings reach every call of its kamelet (see DestinationRoutes).
        Map<String, String> fromSettings = kamelet.name().endsWith(Wiring.SINK_SUFFIX)
                ? wiring.kameletOptions(kamelet.name().substring(0, kamelet.name().length()
                        - Wiring.SINK_SUFFIX.length()))
                : Map.of();
        for (String property : kamelet.mandatory()) {
            if (!reference.options().containsKey(property) && !fromSettings.containsKey(property)) {
                problems.add(WiringProblem.at(reference.file().name(), reference.line(), "kamelet '" + kamelet.name()
                        + "' needs the property '" + property + "', which this call does not give"));
            }
        }
    }

    private static void checkSettings(Wiring wiring, String destination, KameletSpec kamelet,
                                      List<WiringProblem> problems) {
        Map<String, Setting> settings = wiring.destinationSettings().getOrDefault(destination, Map.of());
        settings.forEach((key, setting) -> {
            String property = Wiring.camelCase(key);
            KameletSpec.Property declared = kamelet.properties().get(property);
            if (declared == null) {
                problems.add(new WiringProblem(setting.where(), setting.name() + ": connectors/" + kamelet.name()
                        + KameletSpec.SUFFIX + " declares no property '" + property + "'; its properties: "
                        + declared(kamelet)));
            } else if (setting.isUnresolved()) {
                problems.add(new WiringProblem(setting.where(), setting.name() + " is " + setting.raw()
                        + ", which nothing in the environment sets"));
            }
        });
        Set<String> given = wiring.kameletOptions(destination).keySet();
        for (String property : kamelet.mandatory()) {
            if (!given.contains(property)) {
                Setting mention = wiring.firstMention(destination);
                SourceLine where = mention != null ? mention.where()
                        : settings.values().stream().findFirst().map(Setting::where)
                                .orElse(SourceLine.of("application.yaml", 0));
                problems.add(new WiringProblem(where, "destination '" + destination + "' needs "
                        + WiringLoader.DESTINATIONS + destination + "." + kebabCase(property) + " (property '"
                        + property + "' of connectors/" + kamelet.name() + KameletSpec.SUFFIX + ")"));
            }
        }
    }

    private static String declared(KameletSpec kamelet) {
        return kamelet.properties().isEmpty() ? "none" : String.join(", ", kamelet.properties().keySet());
    }

    static String kebabCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
