package io.reelhub.delivery.bin;

import java.util.List;

/**
 * A frame rate as the exact fraction editing tools use, so that times written from it are whole frames: NTSC rates
 * are {@code 24000/1001} (23.976), {@code 30000/1001} (29.97) and so on, never a rounded decimal. A probed rate
 * such as 23.976023976 is snapped to the standard fraction it stands for.
 *
 * @param numerator   frames ...
 * @param denominator ... per this many seconds
 */
public record FrameRate(long numerator, long denominator) {

    private static final List<FrameRate> NTSC = List.of(new FrameRate(24000, 1001), new FrameRate(30000, 1001),
            new FrameRate(48000, 1001), new FrameRate(60000, 1001), new FrameRate(120000, 1001));
    // Probes report 24000/1001 as 23.976023976..., a decimal written somewhere as 23.976 or 23.98: all the same rate.
    private static final double SNAP = 0.006;

    public FrameRate {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("a frame rate needs a positive fraction, was " + numerator + "/"
                    + denominator);
        }
    }

    /** The standard fraction a probed rate stands for; other rates are kept to a thousandth of a frame. */
    public static FrameRate of(double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("a frame rate must be positive, was " + fps);
        }
        for (FrameRate ntsc : NTSC) {
            if (Math.abs(fps - ntsc.fps()) < SNAP) {
                return ntsc;
            }
        }
        if (Math.abs(fps - Math.rint(fps)) < SNAP) {
            return new FrameRate(Math.round(fps), 1);
        }
        long thousandths = Math.round(fps * 1000);
        long gcd = gcd(thousandths, 1000);
        return new FrameRate(thousandths / gcd, 1000 / gcd);
    }

    public double fps() {
        return (double) numerator / denominator;
    }

    /** The whole frames per timecode second: 24 for 23.976, 30 for 29.97 (non-drop timecode counts these). */
    public int timecodeBase() {
        return (int) Math.max(1, Math.round(fps()));
    }

    /** Whether this is one of the 1000/1001 rates, whose non-drop timecode runs slower than the clock. */
    public boolean isNtsc() {
        return denominator == 1001;
    }

    /** One frame in FCPXML's rational seconds: {@code 1001/24000s}, {@code 1/25s}. */
    public String frameDuration() {
        return denominator + "/" + numerator + "s";
    }

    /**
     * {@code frames} frames in FCPXML's rational seconds, an exact multiple of {@link #frameDuration()}:
     * 240 frames at 23.976 are {@code 240240/24000s}, 96 at 24 are {@code 96/24s}.
     */
    public String rationalSeconds(long frames) {
        return frames == 0 ? "0s" : Math.multiplyExact(frames, denominator) + "/" + numerator + "s";
    }

    /** The whole frames nearest to {@code seconds} at this rate. */
    public long framesIn(double seconds) {
        return Math.round(seconds * numerator / denominator);
    }

    /** The rate as Avid's ALE {@code FPS} heading and editors write it: 23.976, 24, 25, 29.97, 59.94. */
    public String label() {
        if (denominator == 1) {
            return Long.toString(numerator);
        }
        if (isNtsc()) {
            // 23.976 and 29.97 are the customary spellings, not the roundings 23.98 / 29.97 of a formatter.
            return switch ((int) numerator) {
                case 24000 -> "23.976";
                case 30000 -> "29.97";
                case 48000 -> "47.952";
                case 60000 -> "59.94";
                default -> "119.88";
            };
        }
        return java.math.BigDecimal.valueOf(numerator).divide(java.math.BigDecimal.valueOf(denominator),
                3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
