package io.reelhub.wiring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.reelhub.brief.Stage;

/**
 * The stage table and the destinations it names: stages that do not exist, destinations that are neither a
 * {@code *-sink} kamelet nor a hand-written route, settings for such destinations, a destination listed twice for
 * one stage, and routes that send to {@code direct:deliver-to-X} for an {@code X} the hub runs no route for.
 */
final class DestinationCheck implements WiringCheck {

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        Set<String> available = wiring.availableDestinations();
        String known = available.isEmpty() ? "none" : String.join(", ", available);
        wiring.stages().forEach((stage, names) -> {
            if (Stage.fromWire(stage).isEmpty() && !names.isEmpty()) {
                problems.add(new WiringProblem(names.get(0).where(), "unknown stage '" + stage + "' in "
                        + WiringLoader.STAGES + stage + "; stages: " + Stage.allowed()));
            }
            Set<String> seen = new HashSet<>();
            for (Setting name : names) {
                if (!available.contains(name.value())) {
                    problems.add(new WiringProblem(name.where(), "unknown destination '" + name.value()
                            + "' for stage " + stage + ": there is no connectors/" + Wiring.kameletOf(name.value())
                            + KameletSpec.SUFFIX + " and no route from direct:" + Wiring.DESTINATION_ENDPOINT_PREFIX
                            + name.value() + " in routes/; known destinations: " + known));
                } else if (!seen.add(name.value())) {
                    problems.add(new WiringProblem(name.where(), "destination '" + name.value()
                            + "' is listed twice for stage " + stage));
                }
            }
        });
        wiring.destinationSettings().forEach((destination, settings) -> {
            if (!available.contains(destination)) {
                Setting first = settings.values().iterator().next();
                problems.add(new WiringProblem(first.where(), first.name() + ": unknown destination '"
                        + destination + "' (no connectors/" + Wiring.kameletOf(destination) + KameletSpec.SUFFIX
                        + "); known destinations: " + known));
            }
        });
        for (Setting stray : wiring.strayStageSettings()) {
            problems.add(new WiringProblem(stray.where(), "unknown setting " + stray.name() + "; write "
                    + WiringLoader.STAGES + "<stage>.destinations: [...] or " + WiringLoader.DESTINATIONS
                    + "<destination>.<property>: value"));
        }
        if (!wiring.templatedDestinations().isEmpty()
                && !wiring.routeTemplateIds().contains(Wiring.DESTINATION_TEMPLATE)) {
            problems.add(WiringProblem.at("routes/", 0, "no routeTemplate '" + Wiring.DESTINATION_TEMPLATE
                    + "' in routes/: the routes of " + String.join(", ", wiring.templatedDestinations())
                    + " are made from it (restore routes/" + Wiring.DESTINATION_TEMPLATE + ".yaml)"));
        }
        Set<String> running = wiring.destinations();
        for (EndpointReference reference : wiring.references()) {
            if (!reference.isKamelet() && !reference.consumer()
                    && reference.name().startsWith(Wiring.DESTINATION_ENDPOINT_PREFIX)) {
                String destination = reference.name().substring(Wiring.DESTINATION_ENDPOINT_PREFIX.length());
                if (!running.contains(destination)) {
                    problems.add(WiringProblem.at(reference.file().name(), reference.line(), "unknown destination '"
                            + destination + "' in direct:" + reference.name() + ": the hub runs routes for "
                            + (running.isEmpty() ? "no destination" : String.join(", ", running))
                            + " (a destination runs once the stage table names it or it has settings)"));
                }
            }
        }
    }
}
