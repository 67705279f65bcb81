package io.reelhub.wiring;

import java.util.Comparator;
import java.util.List;

/**
 * Every problem found in the wiring at once, ordered by file and line, so an integrator fixes them in one pass.
 *
 * @param configDir the folder holding {@code routes/} and {@code connectors/}
 * @param problems  what is wrong; empty when the wiring is usable
 * @param summary   what was checked, e.g. "3 route files, 4 kamelets, 1 stage, 10 routing rules"
 */
public record WiringReport(String configDir, List<WiringProblem> problems, String summary) {

    public WiringReport {
        problems = problems.stream()
                .sorted(Comparator.comparing((WiringProblem p) -> p.where().file())
                        .thenComparingInt(p -> p.where().line()))
                .toList();
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The report as the {@code validate} command prints it and start-up fails with it. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        if (ok()) {
            text.append("Wiring in ").append(configDir).append(" is valid: ").append(summary).append('\n');
            return text.toString();
        }
        text.append("Wiring in ").append(configDir).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" (checked ").append(summary)
                .append("):\n");
        problems.forEach(problem -> text.append("  ").append(problem.toText()).append('\n'));
        return text.toString();
    }
}
