package io.reelhub.media;

import java.util.Objects;

/**
 * A target frame for a rendition: its size and how a clip of another shape is made to fit it.
 *
 * @param width  pixels, even (H.264 4:2:0)
 * @param height pixels, even
 * @param fit    {@link Fit#CROP} fills the frame and cuts the overflow around the centre; {@link Fit#PAD} shows
 *               the whole picture, centred, with black bars
 */
public record Reframe(int width, int height, Fit fit) {

    public enum Fit { CROP, PAD }

    /** 9:16, TikTok, Reels, Shorts. */
    public static final Reframe VERTICAL_9_16 = new Reframe(1080, 1920, Fit.CROP);
    /** 1:1, square feed posts. */
    public static final Reframe SQUARE_1_1 = new Reframe(1080, 1080, Fit.CROP);
    /** 4:5, portrait feed posts. */
    public static final Reframe PORTRAIT_4_5 = new Reframe(1080, 1350, Fit.CROP);
    /** 16:9, landscape players. */
    public static final Reframe LANDSCAPE_16_9 = new Reframe(1920, 1080, Fit.CROP);

    public Reframe {
        Objects.requireNonNull(fit, "fit");
        if (width < 16 || height < 16 || width > 4096 || height > 4096 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("a reframe needs even sides between 16 and 4096 pixels, got "
                    + width + "x" + height);
        }
    }

    /** The same size with another fit. */
    public Reframe withFit(Fit other) {
        return new Reframe(width, height, other);
    }

    /** The ffmpeg filter chain that turns any picture into exactly this frame, with square pixels. */
    String filter() {
        return switch (fit) {
            case CROP -> "scale=%d:%d:force_original_aspect_ratio=increase:flags=lanczos,crop=%d:%d,setsar=1"
                    .formatted(width, height, width, height);
            case PAD -> ("scale=%d:%d:force_original_aspect_ratio=decrease:flags=lanczos,"
                    + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1")
                    .formatted(width, height, width, height);
        };
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + fit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
