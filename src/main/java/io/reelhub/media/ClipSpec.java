package io.reelhub.media;

import java.util.Map;
import java.util.Objects;

/**
 * What a rendered placeholder clip shows and how it is encoded.
 *
 * @param width    frame width in pixels (even: H.264 4:2:0 needs it)
 * @param height   frame height in pixels (even)
 * @param seconds  duration; rounded to whole frames at {@link ClipRenderer#FPS}
 * @param title    the card's headline, e.g. {@code SANDBOX · veo-3.1}
 * @param shotId   the shot or job the clip stands for
 * @param prompt   the prompt; the card shows a wrapped excerpt
 * @param metadata container metadata written with {@code -metadata key=value} (e.g. {@code comment})
 * @param defect   a broken picture rendered on purpose, so the hub's quality check can be exercised end to end
 */
public record ClipSpec(int width, int height, double seconds, String title, String shotId, String prompt,
                       Map<String, String> metadata, Defect defect) {

    /** What is wrong with the last three quarters of a clip rendered with it. */
    public enum Defect {
        /** A sound clip. */
        NONE,
        /** Black frames: a render that lost its picture. */
        BLACK,
        /** The same frame over and over: a render that stalled. */
        FROZEN
    }

    public static final int MIN_SIDE = 16;
    public static final int MAX_SIDE = 4096;

    public ClipSpec {
        requireSide("width", width);
        requireSide("height", height);
        if (!(seconds > 0 && seconds <= 600)) {
            throw new IllegalArgumentException("seconds must be in (0, 600], got " + seconds);
        }
        title = Objects.requireNonNullElse(title, "");
        shotId = Objects.requireNonNullElse(shotId, "");
        prompt = Objects.requireNonNullElse(prompt, "");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        defect = defect == null ? Defect.NONE : defect;
    }

    /** A sound clip. */
    public ClipSpec(int width, int height, double seconds, String title, String shotId, String prompt,
                    Map<String, String> metadata) {
        this(width, height, seconds, title, shotId, prompt, metadata, Defect.NONE);
    }

    /** The frame (0-based) from which a {@link #defect} shows. */
    public int defectStartFrame() {
        return frameCount() / 4;
    }

    /** The number of frames the clip will have. */
    public int frameCount() {
        return (int) Math.max(1, Math.round(seconds * ClipRenderer.FPS));
    }

    private static void requireSide(String name, int value) {
        if (value < MIN_SIDE || value > MAX_SIDE || value % 2 != 0) {
            throw new IllegalArgumentException(name + " must be an even number of pixels between " + MIN_SIDE
                    + " and " + MAX_SIDE + ", got " + value);
        }
    }
}
