package io.reelhub.sandbox;

/**
 * The pixels the sandbox renders for APIs that ask by aspect ratio and resolution tier instead of a size. 16:9 at
 * 480p is 854x480, as the hub's catalog writes it.
 */
public final class SandboxFrames {

    private SandboxFrames() {
    }

    /**
     * @param aspect {@code 16:9}, {@code 9:16}, {@code 1:1}, {@code 4:3}, {@code 3:4}, ...
     * @param tier   the shorter side in pixels (480, 720, 1080)
     * @return {width, height}, or null when the aspect ratio is not {@code W:H}
     */
    public static int[] size(String aspect, int tier) {
        String[] parts = aspect == null ? new String[0] : aspect.split(":");
        if (parts.length != 2) {
            return null;
        }
        int w;
        int h;
        try {
            w = Integer.parseInt(parts[0].trim());
            h = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (w <= 0 || h <= 0) {
            return null;
        }
        int longSide = even(Math.round(tier * (double) Math.max(w, h) / Math.min(w, h)));
        return w >= h ? new int[] {longSide, tier} : new int[] {tier, longSide};
    }

    /** {@code "720p"} → 720; null when it is not a tier. */
    public static Integer tier(String resolution) {
        if (resolution == null || !resolution.matches("\\d{3,4}p")) {
            return null;
        }
        return Integer.parseInt(resolution.substring(0, resolution.length() - 1));
    }

    private static int even(long value) {
        return (int) (value % 2 == 0 ? value : value + 1);
    }
}
