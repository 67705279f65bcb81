package io.reelhub.jobs;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the job ledger. Generations are children; a brief with several generations has a parent.
 *
 * @param providerStateJson what the provider's protocol keeps beside {@code providerJobId} (see
 *                          {@code io.reelhub.dispatch.ProviderJob})
 * @param providerNote      the provider's latest word while the job waits (a queue position), or null
 */
public record Job(
        String id,
        String parentId,
        String project,
        String briefId,
        int version,
        String shotId,
        String stage,
        String title,
        String source,
        JobState state,
        String model,
        String provider,
        String specJson,
        String briefJson,
        String warningsJson,
        String submitKey,
        int submitAttempts,
        Instant submitIntentAt,
        String providerJobId,
        int progress,
        BigDecimal costEstimateUsd,
        int stepAttempts,
        Instant nextActionAt,
        String lastError,
        String clipPath,
        String probeJson,
        String outputsJson,
        Instant createdAt,
        Instant updatedAt,
        Instant renderedAt,
        String providerStateJson,
        String providerNote) {

    public boolean isParent() {
        return specJson == null;
    }

    /** The version as editors see it in file names: v001. */
    public String versionLabel() {
        return "v%03d".formatted(version);
    }
}
