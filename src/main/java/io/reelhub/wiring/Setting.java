package io.reelhub.wiring;

/**
 * One configuration value as the hub will use it, with where it was written.
 *
 * @param name   the property name, e.g. {@code reelhub.destinations.slack.webhook-url}
 * @param raw    the value as written, placeholders and all ({@code ${SLACK_WEBHOOK_URL}})
 * @param value  the value with placeholders resolved; still contains {@code ${...}} when one could not be resolved
 * @param where  the file and line, or the environment variable, it came from
 * @param inFile true when it is written in a file rather than taken from the environment or the command line
 */
public record Setting(String name, String raw, String value, SourceLine where, boolean inFile) {

    /** Written as a reference to another value ({@code ${SLACK_WEBHOOK_URL}}) rather than literally. */
    public boolean isPlaceholder() {
        return raw != null && (raw.contains("${") || raw.contains("{{"));
    }

    /** A placeholder that nothing in the environment resolves. */
    public boolean isUnresolved() {
        return value == null || value.contains("${");
    }
}
