package io.reelhub.sandbox;

import com.fasterxml.jackson.annotation.JsonValue;

/** A sandbox job's status, spelled as on the OpenAI wire. */
public enum VideoStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    /**
     * Only reachable through a protocol with a cancel call (Runway, fal, Replicate); the OpenAI API never shows it.
     * Replicate spells it {@code canceled} on its wire (its controller maps it).
     */
    CANCELLED("cancelled");

    private final String wire;

    VideoStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
