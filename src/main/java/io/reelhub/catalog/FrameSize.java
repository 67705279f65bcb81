package io.reelhub.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A frame size in pixels, written {@code 1280x720} in briefs, the catalog and on most providers' wires. */
public record FrameSize(int width, int height) {

    private static final Pattern WRITTEN = Pattern.compile("([1-9][0-9]{1,4})x([1-9][0-9]{1,4})");

    public FrameSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
    }

    /** Parses {@code WIDTHxHEIGHT}; empty when the text is not in that form. */
    public static Optional<FrameSize> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = WRITTEN.matcher(text.trim());
        return m.matches()
                ? Optional.of(new FrameSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** The shorter side: resolution tiers (480p, 720p, 1080p) name it, whatever the orientation. */
    public int shortSide() {
        return Math.min(width, height);
    }

    @JsonValue
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
