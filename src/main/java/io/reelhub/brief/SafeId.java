package io.reelhub.brief;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for brief, project, shot and destination ids. Ids become folder and file names in bins, storyboards and
 * error reports, so they are limited to {@code [a-z0-9._-]{1,80}}; that keeps out slashes, so no id can climb out
 * of its folder. A leading dot is refused too: it would make a hidden file and could collide with the hub's own
 * {@code .done} and {@code .failed} folders (which also rules out ids made only of dots, such as {@code ..}).
 */
final class SafeId {

    static final int MAX_LENGTH = 80;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._-]{1," + MAX_LENGTH + "}");
    private static final String RULE = "use 1-" + MAX_LENGTH
            + " characters from a-z, 0-9, '.', '_' and '-', not starting with a dot";

    private SafeId() {
    }

    /** Why {@code id} is not acceptable, or empty when it is. */
    static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("an empty id is not allowed: " + RULE);
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("'" + shortened(id) + "' is " + id.length() + " characters long: " + RULE);
        }
        if (!ALLOWED.matcher(id).matches() || id.startsWith(".")) {
            return Optional.of("'" + id + "' is not a valid id: " + RULE);
        }
        return Optional.empty();
    }

    /**
     * The id a brief gets when it names none: its file name without folder and extension, lower-cased, each run of
     * other characters turned into one '-', and leading or trailing '-', '_' and '.' removed. The result still
     * has to pass {@link #problem}; a name too long or with nothing usable in it is reported, not cut.
     */
    static String fromFileName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return name.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-_.]+|[-_.]+$", "");
    }

    private static String shortened(String id) {
        return id.substring(0, 40) + "...";
    }
}
