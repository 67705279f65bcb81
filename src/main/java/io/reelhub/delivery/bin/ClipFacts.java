package io.reelhub.delivery.bin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.reelhub.delivery.Delivery;

/**
 * The delivered clip as an editor or a checker sees it: its file name in the bin, the size and SHA-256 that prove
 * it is the file the hub delivered, and its picture format. Whether it has audio decides which tracks the
 * interchange files ask an editing tool to link.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClipFacts(
        String file,
        long sizeBytes,
        String sha256,
        int width,
        int height,
        double durationSeconds,
        double fps,
        boolean hasAudio) {

    /** Facts of a picture-only clip. */
    public ClipFacts(String file, long sizeBytes, String sha256, int width, int height, double durationSeconds,
                     double fps) {
        this(file, sizeBytes, sha256, width, height, durationSeconds, fps, false);
    }

    public static ClipFacts of(String file, FileDigest digest, Delivery delivery) {
        return new ClipFacts(file, digest.sizeBytes(), digest.sha256(), delivery.width(), delivery.height(),
                delivery.durationSeconds(), delivery.fps(), delivery.hasAudio());
    }
}
