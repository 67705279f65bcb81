package io.reelhub.brief;

import java.math.BigDecimal;

/**
 * Everything one paid generation needs, resolved from a valid brief and the catalog: the dispatcher sends this and
 * the job records it as the output's lineage.
 *
 * @param shotId           the shot ({@code sh010}, the brief's own shot ids, or {@code var01}... for variations)
 * @param modelId          the catalog id, after alias and {@code auto} resolution
 * @param providerModel    the model id sent on the wire
 * @param prompt           the compiled prompt
 * @param seconds          clip length
 * @param width            frame width in pixels
 * @param height           frame height in pixels
 * @param seed             the seed sent, null when the model takes none or none was asked for
 * @param negative         the negative prompt sent, null when none was given or the model takes none
 * @param audio            whether an audio track is requested
 * @param estimatedCostUsd the catalog's list price for this clip
 */
public record GenerationSpec(
        String shotId,
        String modelId,
        String providerModel,
        String prompt,
        int seconds,
        int width,
        int height,
        Long seed,
        String negative,
        boolean audio,
        BigDecimal estimatedCostUsd) {
}
