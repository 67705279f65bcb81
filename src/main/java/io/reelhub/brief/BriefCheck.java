package io.reelhub.brief;

import java.math.BigDecimal;
import java.util.List;

/**
 * The full answer to "may this brief run?": the brief, the generations it costs, every error and warning, and
 * the SHA-256 of the bytes received, which identifies this exact version of the file in job records and reports.
 *
 * @param brief    the parsed brief; null when it could not be parsed
 * @param plan     the generations to submit; empty when there are errors
 * @param errors   problems that reject the brief
 * @param warnings problems that do not, from parsing, the catalog check and the prompt linter
 * @param sha256   lower-case hex SHA-256 of the raw bytes
 */
public record BriefCheck(Brief brief, List<GenerationSpec> plan, List<Problem> errors, List<Problem> warnings,
                         String sha256) {

    public BriefCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        plan = errors.isEmpty() ? List.copyOf(plan) : List.of();
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The sum of the plan's estimates: what the brief is expected to cost. */
    public BigDecimal estimatedCostUsd() {
        return plan.stream().map(GenerationSpec::estimatedCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One line per problem, errors first, each as {@code path: message}. */
    public String toText() {
        return ProblemText.render(errors, warnings);
    }
}
