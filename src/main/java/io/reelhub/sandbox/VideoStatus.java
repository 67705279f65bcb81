package io.reelhub.sandbox;

import com.fasterxml.jackson.annotation.JsonValue;

/** A sandbox job's status, spelled as on the OpenAI wire. */
public enum VideoStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    /** Only protocols with a cancel (Replicate) reach it; OpenAI's wire never shows it. */
    CANCELED("canceled");

    private final String wire;

    VideoStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
