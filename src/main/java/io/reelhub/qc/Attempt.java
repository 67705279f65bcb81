package io.reelhub.qc;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One checked generation of a shot, a row of {@code generation_attempts}: a version of the shot that was paid for,
 * kept even when a later attempt replaced it.
 *
 * @param jobId          the generation job
 * @param attempt        1 for the first generation, 2 for the first one generated again, ...
 * @param seed           the seed it was generated with (null: the model takes none)
 * @param submitKey      the idempotency key it was submitted with
 * @param provider       the provider protocol that rendered it
 * @param providerJobId  the provider's id of the render
 * @param clipPath       where its clip is kept (the job's work folder)
 * @param costUsd        the catalog estimate of this one generation
 * @param passed         whether it passed its quality check
 * @param decision       what the hub did after the check
 * @param reportJson     the {@link QcReport} as JSON
 * @param checkedAt      when it was checked
 */
public record Attempt(String jobId, int attempt, Long seed, String submitKey, String provider, String providerJobId,
                      String clipPath, BigDecimal costUsd, boolean passed, Decision decision, String reportJson,
                      Instant checkedAt) {

    /** What followed the check of an attempt. */
    public enum Decision {
        /** It passed and went on to its destinations. */
        DELIVER,
        /** It went to the review gate: passed but its stage needs a human, or failed with no attempt left. */
        REVIEW,
        /** It failed and the shot was generated again with a new seed. */
        GENERATE_AGAIN
    }
}
