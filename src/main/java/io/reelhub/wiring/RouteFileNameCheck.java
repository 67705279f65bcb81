package io.reelhub.wiring;

import java.nio.file.Path;
import java.util.List;

/**
 * Route files Camel would not load: Camel picks a file's loader from everything after its first dot, so
 * {@code intake.s3.yaml} looks for an "s3.yaml" loader and fails; and {@code .yml} or {@code .xml} files, which
 * the hub's include pattern ({@code routes/*.yaml}) silently skips.
 */
final class RouteFileNameCheck implements WiringCheck {

    private static final List<String> LOOKS_LIKE_ROUTES = List.of(".yml", ".xml", ".json");

    @Override
    public void check(Wiring wiring, List<WiringProblem> problems) {
        for (YamlFile file : wiring.routeFiles()) {
            String name = file.path().getFileName().toString();
            String afterFirstDot = name.substring(name.indexOf('.') + 1);
            if (!afterFirstDot.equals("yaml") && !afterFirstDot.equals("camel.yaml")) {
                String stem = name.substring(0, name.length() - ".yaml".length());
                problems.add(WiringProblem.at(file.name(), 1, "a route file name must have one dot: Camel chooses"
                        + " the loader from everything after the first dot ('" + afterFirstDot + "'), so this file"
                        + " would not load; rename it to " + stem.replace('.', '-') + ".yaml"));
            }
        }
        for (Path file : wiring.unloadedRouteFiles()) {
            String name = file.getFileName().toString();
            if (LOOKS_LIKE_ROUTES.stream().anyMatch(name::endsWith)) {
                problems.add(WiringProblem.at("routes/" + name, 1, "is never loaded: the hub loads routes/*.yaml"
                        + " only; write routes in the YAML DSL in a file ending in .yaml"));
            }
        }
    }
}
