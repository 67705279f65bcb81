package io.reelhub.catalog;

import java.util.List;

/** A catalog file that cannot be used; thrown at start-up so the problem is met before any brief is. */
public class CatalogException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public CatalogException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or resource description) that was read. */
    public String source() {
        return source;
    }

    /** Each problem as {@code path: what is wrong}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        String header = "model catalog " + source + " is not usable ("
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):";
        return header + "\n  " + String.join("\n  ", problems);
    }
}
