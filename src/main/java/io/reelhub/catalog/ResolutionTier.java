package io.reelhub.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The resolution classes providers price and name ({@code 720p}); the number is the frame's shorter side. */
public enum ResolutionTier {
    P480("480p", 480),
    P720("720p", 720),
    P1080("1080p", 1080);

    private final String wireName;
    private final int shortSide;

    ResolutionTier(String wireName, int shortSide) {
        this.wireName = wireName;
        this.shortSide = shortSide;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public int shortSide() {
        return shortSide;
    }

    /** The tier a frame size falls in: up to 480 px on the short side is 480p, up to 720 is 720p, else 1080p. */
    public static ResolutionTier of(FrameSize size) {
        int side = size.shortSide();
        if (side <= P480.shortSide) {
            return P480;
        }
        return side <= P720.shortSide ? P720 : P1080;
    }

    public static Optional<ResolutionTier> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
