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
 * project's list for the stage ({@code reelhub.projects.<project>.stages.<stage>.destinations}) when the project has
 * one, else its stage's list in the stage table ({@code reelhub.stages.<stage>.destinations}). Intake asks it, so
 * that a brief naming a destination the hub cannot reach is rejected before anything is paid for.
 */
@Component
public class StageTable {

    private final Wiring wiring;

    public StageTable(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * @param project  the brief's project, whose own list for the stage (if any) replaces the stage table's
     * @param override the brief's {@code destinations:}; empty keeps the project's or the stage's
     */
    public List<String> destinationsFor(String project, String stage, List<String> override) {
        return override == null || override.isEmpty() ? wiring.stageDestinations(project, stage)
                : List.copyOf(override);
    }

    /**
     * The stage table's list without any project's own: kept for callers written before per-project lists.
     *
     * @deprecated a project's own list is ignored here; use {@link #destinationsFor(String, String, List)}
     */
    @Deprecated
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
        String project = brief.project();
        if (brief.destinations().isEmpty() && wiring.stageDestinations(project, stage).isEmpty()) {
            String setting = wiring.hasProjectStage(project, stage)
                    ? "reelhub.projects." + project + ".stages." + stage + ".destinations (empty for this project)"
                    : "reelhub.stages." + stage + ".destinations";
            problems.add(new Problem("stage", "stage '" + stage + "' feeds no destination: name some in the brief"
                    + " (destinations: [...]; known: " + knownText + ") or set " + setting));
        }
        return problems;
    }
}
