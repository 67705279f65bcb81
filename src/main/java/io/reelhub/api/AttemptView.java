package io.reelhub.api;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One checked generation of a shot as {@code GET /api/jobs/{id}/attempts} shows it.
 *
 * @param attempt         1 for the first generation, 2 for the first one generated again, ...
 * @param seed            the seed it was generated with; absent when the model takes none
 * @param provider        the provider protocol that rendered it
 * @param providerJobId   the provider's id of the render
 * @param costEstimateUsd the catalog estimate of this one generation
 * @param passed          whether it passed its quality check
 * @param decision        {@code DELIVER}, {@code REVIEW} or {@code GENERATE_AGAIN}
 * @param report          the quality-check report: each check with what was measured and what was expected
 * @param checkedAt       when it was checked
 */
public record AttemptView(int attempt, Long seed, String provider, String providerJobId, BigDecimal costEstimateUsd,
                          boolean passed, String decision, JsonNode report, Instant checkedAt) {
}
