package io.reelhub.brief;

import java.util.List;

/**
 * What reading a brief file found: the brief when it could be read without errors, and every error and warning.
 *
 * @param brief    the brief; null when there are errors
 * @param errors   problems that reject the brief
 * @param warnings problems that do not, kept in the report (unknown fields, for instance)
 */
public record BriefReport(Brief brief, List<Problem> errors, List<Problem> warnings) {

    public BriefReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (!errors.isEmpty()) {
            brief = null;
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** One line per problem, errors first, each as {@code path: message}. */
    public String toText() {
        return ProblemText.render(errors, warnings);
    }
}
