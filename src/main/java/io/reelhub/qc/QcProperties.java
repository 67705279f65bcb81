package io.reelhub.qc;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a downloaded clip must be to go on, and how often a shot is generated again when it is not.
 *
 * @param durationToleranceSeconds how far the clip's length may be from the requested one
 * @param maxBlackSeconds          the longest black stretch a clip may have
 * @param maxFrozenSeconds         the longest stretch of one still picture a clip may have
 * @param maxAttempts              generations of one shot in all, the first one included: a clip that fails its check
 *                                 is generated again with a new seed while attempts remain and the budget allows it
 *                                 (3 = the first and two more); then it waits in review/ with the QC report
 * @param codecs                   video codecs a clip may be in (ffprobe's names)
 */
@ConfigurationProperties(prefix = "reelhub.qc")
public record QcProperties(Double durationToleranceSeconds, Double maxBlackSeconds, Double maxFrozenSeconds,
                           Integer maxAttempts, List<String> codecs) {

    public QcProperties {
        durationToleranceSeconds = positive("duration-tolerance-seconds", durationToleranceSeconds, 0.5);
        maxBlackSeconds = positive("max-black-seconds", maxBlackSeconds, 2.0);
        maxFrozenSeconds = positive("max-frozen-seconds", maxFrozenSeconds, 2.0);
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("reelhub.qc.max-attempts counts the first generation too, so it is at"
                    + " least 1, got " + maxAttempts);
        }
        codecs = codecs == null || codecs.isEmpty() ? List.of("h264", "hevc")
                : codecs.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static double positive(String key, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0)) {
            throw new IllegalArgumentException("reelhub.qc." + key + " must be more than 0, got " + value);
        }
        return value;
    }
}
