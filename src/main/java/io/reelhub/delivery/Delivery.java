package io.reelhub.delivery;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One finished, downloaded and checked clip on its way to a stage's destinations, with the lineage every output
 * must carry. This is the body the delivery routes in {@code routes/} hand to the connectors in {@code connectors/}.
 *
 * @param jobId          the hub's job id (one generation)
 * @param briefId        the brief's id
 * @param project        the brief's project
 * @param version        the brief's version (1 for v001)
 * @param shotId         the shot this clip is for (e.g. {@code sh010})
 * @param stage          the brief's workflow stage
 * @param title          the brief's title, may be null
 * @param model          the catalog model id that rendered the clip
 * @param provider       the provider route (e.g. {@code sandbox}, {@code openai-compatible})
 * @param providerJobId  the provider's own job id
 * @param seed           the seed, null when the model takes none
 * @param prompt         the compiled prompt sent to the provider
 * @param costEstimateUsd the estimated cost of the generation
 * @param sandbox        true when the clip came from the sandbox provider
 * @param clip           the downloaded clip (an H.264 MP4) in the hub's work area
 * @param width          the clip's width in pixels
 * @param height         the clip's height in pixels
 * @param durationSeconds the clip's probed duration
 * @param fps            the clip's frame rate
 * @param createdAt      when the job was created
 * @param renderedAt     when the provider reported completion
 * @param hasAudio       whether the clip has an audio stream (editing tools link audio tracks only when told)
 */
public record Delivery(
        String jobId,
        String briefId,
        String project,
        int version,
        String shotId,
        String stage,
        String title,
        String model,
        String provider,
        String providerJobId,
        Long seed,
        String prompt,
        BigDecimal costEstimateUsd,
        boolean sandbox,
        Path clip,
        int width,
        int height,
        double durationSeconds,
        double fps,
        Instant createdAt,
        Instant renderedAt,
        boolean hasAudio) {

    /** A delivery whose audio is not known: treated as picture only. Kept for callers written before audio was. */
    public Delivery(String jobId, String briefId, String project, int version, String shotId, String stage,
                    String title, String model, String provider, String providerJobId, Long seed, String prompt,
                    BigDecimal costEstimateUsd, boolean sandbox, Path clip, int width, int height,
                    double durationSeconds, double fps, Instant createdAt, Instant renderedAt) {
        this(jobId, briefId, project, version, shotId, stage, title, model, provider, providerJobId, seed, prompt,
                costEstimateUsd, sandbox, clip, width, height, durationSeconds, fps, createdAt, renderedAt, false);
    }
}
