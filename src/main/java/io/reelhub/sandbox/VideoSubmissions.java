package io.reelhub.sandbox;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Accepts validated submissions: answers a repeated {@code Idempotency-Key} with the video it created before, and
 * otherwise creates, persists, counts (as paid) and schedules a new job.
 */
@Component
@ConditionalOnSandboxEnabled
public class VideoSubmissions {

    /** The video a submission produced, and whether it is a replay of an earlier one. */
    public record Outcome(SandboxVideo video, boolean replayed) {
    }

    private final SandboxVideoStore store;
    private final IdempotencyKeys keys;
    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final SandboxRenderScheduler scheduler;

    public VideoSubmissions(SandboxVideoStore store, IdempotencyKeys keys, SandboxFaults faults,
                            SandboxCounters counters, SandboxRenderScheduler scheduler) {
        this.store = store;
        this.keys = keys;
        this.faults = faults;
        this.counters = counters;
        this.scheduler = scheduler;
    }

    // Serialised so that two concurrent requests with the same key cannot both create a video.
    public synchronized Outcome submit(VideoRequest request) {
        if (request.idempotencyKey() != null) {
            Optional<String> earlier = keys.videoFor(request.idempotencyKey());
            if (earlier.isPresent()) {
                SandboxVideo video = store.find(earlier.get()).orElseThrow(() -> SandboxApiException.invalidRequest(
                        null, "idempotency_key_reused", "The video created with this Idempotency-Key ("
                                + earlier.get() + ") has been deleted; use a new key to create another video."));
                counters.replayed();
                return new Outcome(video, true);
            }
        }
        JobError plannedFailure = faults.takeJobFailure(request.protocol()).orElse(null);
        Instant now = Instant.now();
        SandboxVideo video = store.create((id, sequence) -> new SandboxVideo(id, sequence, request.model(),
                request.prompt(), request.seconds(), request.width(), request.height(), request.seed(),
                request.negativePrompt(), request.inputReferences(), request.idempotencyKey(), VideoStatus.QUEUED,
                now, null, null, null, null, null, plannedFailure, request.protocol(), request.generateAudio(),
                request.deadline()));
        if (request.idempotencyKey() != null) {
            keys.remember(request.idempotencyKey(), video.id());
        }
        counters.submitted(video.wireProtocol(), video.model(), video.inputReferences());
        scheduler.schedule(video);
        return new Outcome(video, false);
    }
}
