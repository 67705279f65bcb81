package io.reelhub.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.reelhub.brief.Brief;
import io.reelhub.brief.Problem;
import io.reelhub.wiring.Wiring;

/**
 * Which destinations a brief's clips go to: the brief's own {@code destinations:} when it names any, else its
 * stage's list in the stage table ({@code reelhub.stages.<stage>.destinations}). Intake asks it, so that a brief
 * naming a destination the hub cannot reach is rejected before anything is paid for.
 */
@Component
public class StageTable {

    private final Wiring wiring;

    public StageTable(Wiring wiring) {
        this.wiring = wiring;
    }

    /** @param override the brief's {@code destinations:}; empty keeps the stage's */
    public List<String> destinationsFor(String stage, List<String> override) {
        return override == null || override.isEmpty() ? wiring.stageDestinations(stage) : List.copyOf(override);
    }

    /** Destinations a brief may name. */
    public Set<String> known() {
        return wiring.destinations();
    }

    /** What is wrong with where this brief's clips would go; empty when every destination is reachable. */
    public List<Problem> problems(Brief brief) {
        List<Problem> problems = new ArrayList<>();
        Set<String> known = known();
        String knownText = known.isEmpty() ? "none" : String.join(", ", known);
        for (int i = 0; i < brief.destinations().size(); i++) {
            String name = brief.destinations().get(i);
            if (!known.contains(name)) {
                problems.add(new Problem("destinations[" + i + "]", "unknown destination '" + name
                        + "'; known destinations: " + knownText));
            }
        }
        String stage = brief.stage().wireName();
        if (brief.destinations().isEmpty() && wiring.stageDestinations(stage).isEmpty()) {
            problems.add(new Problem("stage", "stage '" + stage + "' feeds no destination: name some in the brief"
                    + " (destinations: [...]; known: " + knownText + ") or set reelhub.stages." + stage
                    + ".destinations"));
        }
        return problems;
    }
}
