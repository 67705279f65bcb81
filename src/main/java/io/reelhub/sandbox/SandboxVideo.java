package io.reelhub.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * One sandbox job as the sandbox remembers it (the persisted form, one JSON file per video). The wire form is
 * {@link VideoResource}; this record also keeps what the wire does not show: the hub extensions, the idempotency
 * key, a failure planned by a fault, and when the clip finished rendering.
 *
 * @param sequence        creation order, also encoded in the id, so listing and cursors survive deletions
 * @param plannedFailure  set when a fault decided at submit time that this job ends {@code failed}
 * @param renderedAt      when the clip and thumbnail were on disk (the job may still wait for the render time)
 * @param protocol        the wire protocol it was submitted on ({@code openai}, {@code gemini}, {@code vertex},
 *                        {@code replicate}); null in files written before protocols existed, meaning openai
 * @param generateAudio   the audio flag as asked (Vertex, Replicate), null when the protocol has none
 * @param deadline        Replicate's {@code Cancel-After}: the job is cancelled (aborted if not started) at this time
 */
public record SandboxVideo(
        String id,
        long sequence,
        String model,
        String prompt,
        int seconds,
        int width,
        int height,
        Long seed,
        String negativePrompt,
        int inputReferences,
        String idempotencyKey,
        VideoStatus status,
        Instant createdAt,
        Instant startedAt,
        Instant renderedAt,
        Instant completedAt,
        Instant expiresAt,
        JobError error,
        JobError plannedFailure,
        String protocol,
        Boolean generateAudio,
        Instant deadline) {

    public static final String OPENAI = "openai";

    /** The protocol, with files from before protocols existed read as OpenAI's. */
    public String wireProtocol() {
        return protocol == null ? OPENAI : protocol;
    }

    /** The id without the store's {@code video_} prefix: what protocols with their own id shapes show. */
    public String bareId() {
        return id.substring(id.indexOf('_') + 1);
    }

    public String size() {
        return width + "x" + height;
    }

    /** The earliest moment the job may finish: submission plus the configured render time. */
    public Instant readyAt(Duration renderTime) {
        return createdAt.plus(renderTime);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** In progress; a job resumed after a restart keeps its first start time. */
    SandboxVideo started(Instant now) {
        return with(VideoStatus.IN_PROGRESS, startedAt == null ? now : startedAt, renderedAt, completedAt, expiresAt,
                error);
    }

    SandboxVideo rendered(Instant now) {
        return with(status, startedAt, now, completedAt, expiresAt, error);
    }

    SandboxVideo completed(Instant now, Duration contentTtl) {
        return with(VideoStatus.COMPLETED, startedAt, renderedAt, now, now.plus(contentTtl), null);
    }

    SandboxVideo failed(JobError failure, Instant now) {
        if (JobError.CANCELED.equals(failure.code())) {
            return canceled(now);
        }
        return with(VideoStatus.FAILED, startedAt, renderedAt, now, null, failure);
    }

    /** Cancelled by the client or its deadline; never charged (Replicate bills only what ran). */
    public SandboxVideo canceled(Instant now) {
        return with(VideoStatus.CANCELED, startedAt, renderedAt, now, null, null);
    }

    public boolean pastDeadline(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    private SandboxVideo with(VideoStatus newStatus, Instant newStartedAt, Instant newRenderedAt,
                              Instant newCompletedAt, Instant newExpiresAt, JobError newError) {
        return new SandboxVideo(id, sequence, model, prompt, seconds, width, height, seed, negativePrompt,
                inputReferences, idempotencyKey, newStatus, createdAt, newStartedAt, newRenderedAt, newCompletedAt,
                newExpiresAt, newError, plannedFailure, protocol, generateAudio, deadline);
    }
}
