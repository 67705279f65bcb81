package io.reelhub.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** Where a model stands in its provider's lifecycle; briefs naming a retired model are rejected, not sent. */
public enum Lifecycle {
    ACTIVE("active"),
    DEPRECATED("deprecated"),
    RETIRED("retired");

    private final String wireName;

    Lifecycle(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<Lifecycle> fromWire(String value) {
        return Arrays.stream(values()).filter(l -> l.wireName.equals(value)).findFirst();
    }
}
