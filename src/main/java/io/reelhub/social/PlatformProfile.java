package io.reelhub.social;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.reelhub.media.Reframe;

/**
 * What one social platform takes, checked: the frame every rendition for it gets, the duration and frame-rate
 * windows and codecs a clip must fall in, and how many posts it may be sent. Built from
 * {@code reelhub.social.platforms.<name>} by {@link PlatformProfiles}.
 *
 * @param name       the platform as briefs name it ({@code tiktok}, {@code instagram-reels})
 * @param width      the rendition's width in pixels
 * @param height     the rendition's height in pixels
 * @param crop       true to fill the frame and cut the overflow, false to fit inside it with bars
 * @param minSeconds shortest clip taken, or null
 * @param maxSeconds longest clip taken, or null
 * @param minFps     lowest frame rate taken, or null
 * @param maxFps     highest frame rate taken, or null
 * @param codecs     video codecs taken (ffprobe names); empty for any
 * @param rate       posts the hub may send this platform
 * @param source     where the numbers come from, or null
 */
public record PlatformProfile(String name, int width, int height, boolean crop, Double minSeconds,
                             Double maxSeconds, Double minFps, Double maxFps, List<String> codecs, PostRate rate,
                             String source) {

    public PlatformProfile {
        codecs = codecs == null ? List.of() : codecs.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        rate = rate == null ? PostRate.UNLIMITED : rate;
    }

    /** Whether a clip of {@code seconds} is within the duration window. */
    public boolean takesDuration(double seconds) {
        return (minSeconds == null || seconds >= minSeconds) && (maxSeconds == null || seconds <= maxSeconds);
    }

    /** Whether a frame rate is within the window. */
    public boolean takesFps(double fps) {
        return (minFps == null || fps >= minFps) && (maxFps == null || fps <= maxFps);
    }

    public boolean takesCodec(String codec) {
        return codecs.isEmpty() || codec != null && codecs.contains(codec.toLowerCase(Locale.ROOT));
    }

    /** The duration window as people read it: {@code 3–90 s}, {@code up to 180 s}, {@code any length}. */
    public String durationWindow() {
        return window(minSeconds, maxSeconds, "s", "any length");
    }

    public String fpsWindow() {
        return window(minFps, maxFps, "fps", "any frame rate");
    }

    public String size() {
        return width + "x" + height;
    }

    /** The frame the media toolkit renders this platform's rendition in. */
    public Reframe reframe() {
        return new Reframe(width, height, crop ? Reframe.Fit.CROP : Reframe.Fit.PAD);
    }

    /** {@code " (source: …)"} or empty, for messages. */
    public String cited() {
        return Optional.ofNullable(source).filter(s -> !s.isBlank()).map(s -> " (source: " + s + ")").orElse("");
    }

    private static String window(Double min, Double max, String unit, String none) {
        if (min == null && max == null) {
            return none;
        }
        if (min == null) {
            return "up to " + number(max) + " " + unit;
        }
        if (max == null) {
            return "at least " + number(min) + " " + unit;
        }
        return number(min) + "–" + number(max) + " " + unit;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
