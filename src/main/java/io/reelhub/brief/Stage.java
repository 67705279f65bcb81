package io.reelhub.brief;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The production stage a brief serves; it decides where the hub delivers the footage by default. */
public enum Stage {
    CONCEPT("concept"),
    PRE_PRODUCTION("pre-production"),
    PRODUCTION("production"),
    POST_PRODUCTION("post-production"),
    SOCIAL("social");

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<Stage> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }

    /** The names a brief may use, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(Stage::wireName).collect(Collectors.joining(", "));
    }
}
