package io.reelhub.wiring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.reelhub.brief.Stage;

/**
 * The stage table, the projects' own stage lists ({@code reelhub.projects.<project>.stages}) and the destinations
 * they name: stages that do not exist, destinations that are neither a {@code *-sink} kamelet nor a hand-written
 * route, project ids no brief can have, settings for such destinations, a destination listed twice for
 * one stage, and routes that send to {@code direct:deliver-to-X} for an {@code X} the hub runs no route for.
 */
final class DestinationCheck implements WiringCheck {

    /** The brief's rule for project ids: a project override under any other name would never apply. */
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9_-][a-z0-9._-]{0,79}");

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        Set<String> available = wiring.availableDestinations();
        String known = available.isEmpty() ? "none" : String.join(", ", available);
        wiring.stages().forEach((stage, names) -> checkList(WiringLoader.STAGES + stage + ".destinations", stage,
                "stage " + stage, names, available, known, problems));
        wiring.projectStages().forEach((project, table) -> {
            if (!PROJECT_ID.matcher(project).matches()) {
                table.values().stream().flatMap(List::stream).findFirst().ifPresent(first ->
                        problems.add(new WiringProblem(first.where(), "project '" + project + "' in "
                                + WiringLoader.PROJECTS + project + " can never match a brief: project ids use"
                                + " a-z, 0-9, '.', '_' and '-', not starting with a dot")));
            }
            table.forEach((stage, names) -> checkList(WiringLoader.PROJECTS + project + WiringLoader.PROJECT_STAGES
                    + stage + ".destinations", stage, "stage " + stage + " of project " + project, names, available,
                    known, problems));
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
        for (Setting stray : wiring.strayProjectSettings()) {
            problems.add(new WiringProblem(stray.where(), "unknown setting " + stray.name() + "; write "
                    + WiringLoader.PROJECTS + "<project>" + WiringLoader.PROJECT_STAGES
                    + "<stage>.destinations: [...]"));
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

    /**
     * One stage's list, from the stage table or a project's own: the stage must exist, and every destination must
     * be one the hub can run, once.
     *
     * @param key   the property that holds the list, named in every problem so it can be found whatever its source
     * @param owner how the list is named in a sentence: "stage concept", "stage concept of project acme-spring"
     */
    private static void checkList(String key, String stage, String owner, List<Setting> names, Set<String> available,
                                  String known, List<WiringProblem> problems) {
        if (Stage.fromWire(stage).isEmpty() && !names.isEmpty()) {
            problems.add(new WiringProblem(names.get(0).where(), "unknown stage '" + stage + "' in " + key
                    + "; stages: " + Stage.allowed()));
        }
        Set<String> seen = new HashSet<>();
        for (Setting name : names) {
            if (!available.contains(name.value())) {
                problems.add(new WiringProblem(name.where(), "unknown destination '" + name.value() + "' for "
                        + owner + " (" + key + "): there is no connectors/" + Wiring.kameletOf(name.value())
                        + KameletSpec.SUFFIX + " and no route from direct:" + Wiring.DESTINATION_ENDPOINT_PREFIX
                        + name.value() + " in routes/; known destinations: " + known));
            } else if (!seen.add(name.value())) {
                problems.add(new WiringProblem(name.where(), "destination '" + name.value() + "' is listed twice for "
                        + owner + " (" + key + ")"));
            }
        }
    }
}
