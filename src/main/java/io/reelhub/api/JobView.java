package io.reelhub.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelhub.jobs.JobTransition;

/**
 * A job as {@code GET /api/jobs/{id}} shows it: with its children, its deliveries (one per destination) and its
 * history. Lists omit those three.
 *
 * @param providerNote the provider's latest word while the job waits, e.g. its place in the provider's queue
 * @param seed         the seed of a generation (full view only); null for a parent or a model without seeds
 * @param thumbnailUrl where to download the generation's thumbnail (full view only), e.g. a concept variation's
 * @param videoUrl     where to download the generation's clip (full view only)
 */
public record JobView(
        String id,
        String parentId,
        String project,
        String briefId,
        String version,
        String shot,
        String stage,
        String title,
        String state,
        int progress,
        String model,
        String provider,
        String providerJobId,
        String providerNote,
        BigDecimal costEstimateUsd,
        String error,
        String source,
        JsonNode outputs,
        JsonNode warnings,
        Instant createdAt,
        Instant updatedAt,
        List<JobView> children,
        List<DeliveryView> deliveries,
        List<JobTransition> history,
        Long seed,
        URI thumbnailUrl,
        URI videoUrl) {
}
