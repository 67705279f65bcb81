package io.reelhub.wiring;

/** One thing wrong with the wiring, where it is written and what to do about it. */
public record WiringProblem(SourceLine where, String message) {

    public static WiringProblem at(String file, int line, String message) {
        return new WiringProblem(SourceLine.of(file, line), message);
    }

    public String toText() {
        return where.toText() + ": " + message;
    }
}
