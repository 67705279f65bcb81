package io.reelhub.dispatch;

/**
 * A frame size in the words provider APIs use instead of pixels: an aspect ratio ({@code 16:9}) and a resolution
 * tier ({@code 720p}, the shorter side). The catalog writes 480p frames 854x480, which is 16:9 at 480p.
 */
public record FrameWords(String aspect, String resolution) {

    public static FrameWords of(int width, int height) {
        return new FrameWords(aspect(width, height), Math.min(width, height) + "p");
    }

    static String aspect(int width, int height) {
        if (width == height) {
            return "1:1";
        }
        double ratio = (double) Math.max(width, height) / Math.min(width, height);
        // 854x480 is 16:9 rounded to even pixels; anything that close is 16:9
        if (Math.abs(ratio - 16.0 / 9.0) < 0.01) {
            return width > height ? "16:9" : "9:16";
        }
        if (Math.abs(ratio - 4.0 / 3.0) < 0.01) {
            return width > height ? "4:3" : "3:4";
        }
        int gcd = gcd(width, height);
        return width / gcd + ":" + height / gcd;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
