package io.reelhub.brief;

import java.util.List;

/** Renders problems the way people read them in {@code .error.txt} files and logs. */
final class ProblemText {

    private ProblemText() {
    }

    static String render(List<Problem> errors, List<Problem> warnings) {
        StringBuilder text = new StringBuilder();
        section(text, errors.size() == 1 ? "1 error" : errors.size() + " errors", errors);
        section(text, warnings.size() == 1 ? "1 warning" : warnings.size() + " warnings", warnings);
        return text.isEmpty() ? "no problems\n" : text.toString();
    }

    private static void section(StringBuilder text, String heading, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        text.append(heading).append(":\n");
        problems.forEach(p -> text.append("  ").append(p.toText()).append('\n'));
    }
}
