package io.reelhub.callback;

import java.math.BigDecimal;
import java.net.URI;
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
     * @param outputs      every file delivered, for all generations
     * @param generations  one entry per generation of a brief with shots or variations; empty otherwise
     * @param seed         the seed of a single-generation job; null for a parent (see its generations)
     * @param thumbnailUrl where to download the job's thumbnail; null for a parent or when it has none
     * @param videoUrl     where to download the job's clip; null for a parent or when it has none
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
            List<Generation> generations,
            Long seed,
            URI thumbnailUrl,
            URI videoUrl) {

        /** Without the links: kept for callers written before they were added. */
        public Data(String jobId, String project, String briefId, String version, String stage, String title,
                    String state, String error, List<String> outputs, BigDecimal costEstimateUsd, Instant createdAt,
                    Instant endedAt, List<Generation> generations) {
            this(jobId, project, briefId, version, stage, title, state, error, outputs, costEstimateUsd, createdAt,
                    endedAt, generations, null, null, null);
        }
    }

    /**
     * One generation (shot or variation) of a parent job: for a concept brief, one variation with the seed that
     * tells it apart and the URLs the creative tool downloads its clip and thumbnail from.
     *
     * @param error        why it failed, null when it was delivered
     * @param seed         the seed it was generated with; null when the model takes none
     * @param thumbnailUrl absolute URL of its thumbnail; null when it has none (a failed variation)
     * @param videoUrl     absolute URL of its clip; null when it has none (a failed variation)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Generation(String jobId, String shot, String state, String error, List<String> outputs, Long seed,
                             URI thumbnailUrl, URI videoUrl) {

        /** Without the seed and links: kept for callers written before they were added. */
        public Generation(String jobId, String shot, String state, String error, List<String> outputs) {
            this(jobId, shot, state, error, outputs, null, null, null);
        }
    }
}
