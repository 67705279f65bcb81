package io.reelhub.wiring;

/**
 * Where something is written, as an integrator finds it: a file named relative to the config folder (or where
 * Spring found it) and a 1-based line; line 0 when the source has no lines (an environment variable).
 */
public record SourceLine(String file, int line) {

    public static SourceLine of(String file, int line) {
        return new SourceLine(file, Math.max(line, 0));
    }

    public String toText() {
        return line > 0 ? file + ":" + line : file;
    }
}
