package io.reelhub.brief;

/**
 * One thing wrong with (or worth knowing about) a brief.
 *
 * @param path    where it is: a field path such as {@code params.seconds} or {@code shots[1].id}; empty when the
 *                problem is the file as a whole (its size, its encoding, its YAML structure)
 * @param message what is wrong and, where there is a short answer, what is allowed
 */
public record Problem(String path, String message) {

    public Problem {
        path = path == null ? "" : path;
    }

    /** {@code path: message}, or just the message for a problem with the whole file. */
    public String toText() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
