package io.reelhub.brief;

import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ResolutionTier;

/**
 * The frame size an aspect ratio and resolution tier stand for: the tier fixes the shorter side, the ratio the
 * longer one, rounded to an even number because H.264 needs even dimensions (16:9 at 720p is 1280x720, 9:16 at
 * 1080p is 1080x1920, 1:1 at 720p is 720x720, 16:9 at 480p is 854x480).
 */
final class RequestedSize {

    /** How far apart two aspect ratios may be and still count as the same; covers 854x480 against 16:9. */
    private static final double SAME_ASPECT = 0.01;

    private RequestedSize() {
    }

    /** @param aspect a ratio written {@code W:H} (such as {@code 16:9} or {@code 1280:720}), already checked */
    static FrameSize of(String aspect, ResolutionTier tier) {
        double[] ratio = ratio(aspect);
        int shortSide = tier.shortSide();
        int longSide = (int) Math.round(shortSide * Math.max(ratio[0], ratio[1]) / Math.min(ratio[0], ratio[1])
                / 2.0) * 2;
        return ratio[0] >= ratio[1] ? new FrameSize(longSide, shortSide) : new FrameSize(shortSide, longSide);
    }

    static boolean sameAspect(String aspect, FrameSize size) {
        double[] ratio = ratio(aspect);
        double wanted = ratio[0] / ratio[1];
        double actual = (double) size.width() / size.height();
        return Math.abs(actual - wanted) / wanted <= SAME_ASPECT;
    }

    private static double[] ratio(String aspect) {
        String[] parts = aspect.split(":");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }
}
