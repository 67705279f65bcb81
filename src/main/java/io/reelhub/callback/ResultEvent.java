package io.reelhub.callback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of a result webhook, in the Standard Webhooks envelope: {@code type}, {@code timestamp} (when the job
 * ended) and {@code data}.
 *
 * @param type {@code job.delivered} or {@code job.failed}
 */
public record ResultEvent(String type, Instant timestamp, Data data) {

    /**
     * The job as the receiver needs it to act: which brief and version, how it ended, and where the outputs are.
     *
     * @param jobId       the job to ask {@code GET /api/jobs/{id}} about (the parent for multi-generation briefs)
     * @param version     the brief version, {@code v001}
     * @param error       why it failed, null when delivered
     * @param outputs     every file delivered, for all generations
     * @param generations one entry per generation of a brief with shots or variations; empty otherwise
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Data(
            String jobId,
            String project,
            String briefId,
            String version,
            String stage,
            String title,
            String state,
            String error,
            List<String> outputs,
            BigDecimal costEstimateUsd,
            Instant createdAt,
            Instant endedAt,
            List<Generation> generations) {
    }

    /** One generation (shot or variation) of a parent job. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Generation(String jobId, String shot, String state, String error, List<String> outputs) {
    }
}
