package io.reelhub.wiring;

import java.util.ArrayList;
import java.util.List;

/** Runs every check over the wiring and collects all problems into one report. */
public final class WiringValidator {

    private static final List<WiringCheck> CHECKS = List.of(
            new YamlSyntaxCheck(),
            new RouteFileNameCheck(),
            new KameletFileCheck(),
            new KameletReferenceCheck(),
            new KameletPropertiesCheck(),
            new DestinationCheck(),
            new SecretInFileCheck(),
            new CatalogCheck(),
            new RoutingTableCheck());

    private WiringValidator() {
    }

    public static WiringReport validate(Wiring wiring) {
        List<WiringProblem> problems = new ArrayList<>();
        for (WiringCheck check : CHECKS) {
            check.check(wiring, problems);
        }
        return new WiringReport(wiring.configDir().toString(), problems, wiring.summary());
    }
}
