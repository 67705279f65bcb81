package io.reelhub.delivery.bin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The ProRes mezzanine delivered beside a clip on request: its file name in the bin and the size and SHA-256 that
 * prove it is the file the hub made. Timelines link it instead of the MP4 when it is there.
 *
 * @param codec what it holds, {@code prores_422}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MezzanineFacts(String file, long sizeBytes, String sha256, String codec) {

    public static final String PRORES_422 = "prores_422";

    static MezzanineFacts prores(String file, FileDigest digest) {
        return new MezzanineFacts(file, digest.sizeBytes(), digest.sha256(), PRORES_422);
    }
}
