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
 * @param protocol        the API that created it ({@code openai}, {@code gemini}, {@code vertex}, {@code replicate},
 *                        {@code kling}, {@code fal}, {@code runway}); it is only visible there (null in files
 *                        written before protocols existed: openai)
 * @param wire            what that API needs to answer like the real service (Kling's external_task_id, fal's
 *                        endpoint id, ...)
 * @param heldUntil       a throttled job may not start before this (null: not throttled)
 * @param plannedExpiry   a fault decided at submit time that the output is gone when the job completes
 * @param generateAudio   the audio flag as asked (Vertex, Replicate), null when the protocol has none
 * @param deadline        Replicate's {@code Cancel-After}: the job is cancelled (aborted if not started) at this time
 * @param defect          a fault decided at submit time that the clip comes out broken ({@code black}, {@code frozen},
 *                        {@code wrong-size}, {@code corrupt}); null for a sound clip
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
        java.util.Map<String, String> wire,
        Instant heldUntil,
        boolean plannedExpiry,
        Boolean generateAudio,
        Instant deadline,
        String defect) {

    public SandboxVideo {
        protocol = protocol == null ? SandboxFaults.OPENAI : protocol;
        wire = wire == null ? java.util.Map.of() : java.util.Map.copyOf(wire);
    }

    public boolean speaks(String api) {
        return protocol.equals(api);
    }

    /** A job whose throttle has not run out yet. */
    public boolean held(Instant now) {
        return heldUntil != null && now.isBefore(heldUntil);
    }

    /** The id without the store's {@code video_} prefix: what protocols with their own id shapes show. */
    public String bareId() {
        return id.substring(id.indexOf('_') + 1);
    }

    public String size() {
        return width + "x" + height;
    }

    /** The earliest moment the job may finish: submission (or the end of its throttle) plus the render time. */
    public Instant readyAt(Duration renderTime) {
        return (heldUntil != null && heldUntil.isAfter(createdAt) ? heldUntil : createdAt).plus(renderTime);
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
        return with(VideoStatus.COMPLETED, startedAt, renderedAt, now, plannedExpiry ? now : now.plus(contentTtl),
                null);
    }


    SandboxVideo failed(JobError failure, Instant now) {
        if (JobError.CANCELED.equals(failure.code())) {
            return cancelled(now);
        }
        return with(VideoStatus.FAILED, startedAt, renderedAt, now, null, failure);
    }

    /**
     * Stopped before it finished: by the client (Runway's and Replicate's cancel, fal's) or by its deadline
     * (Replicate's {@code Cancel-After}); never charged.
     */
    public SandboxVideo cancelled(Instant now) {
        return with(VideoStatus.CANCELLED, startedAt, renderedAt, now, null, null);
    }

    public boolean pastDeadline(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    private SandboxVideo with(VideoStatus newStatus, Instant newStartedAt, Instant newRenderedAt,
                              Instant newCompletedAt, Instant newExpiresAt, JobError newError) {
        return new SandboxVideo(id, sequence, model, prompt, seconds, width, height, seed, negativePrompt,
                inputReferences, idempotencyKey, newStatus, createdAt, newStartedAt, newRenderedAt, newCompletedAt,
                newExpiresAt, newError, plannedFailure, protocol, wire, heldUntil, plannedExpiry, generateAudio,
                deadline, defect);
    }
}
