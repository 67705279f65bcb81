package io.reelhub.sandbox;

import java.time.Instant;
import java.util.Map;
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
        SandboxVideo video = create(request.protocol(), request, Map.of());
        if (request.idempotencyKey() != null) {
            keys.remember(request.idempotencyKey(), video.id());
        }
        return new Outcome(video, false);
    }

    /**
     * Accepts a job of another protocol, refusing it when a job of that protocol already carries the same value of
     * {@code uniqueWireKey} (Kling's {@code external_task_id}); null means nothing must be unique.
     */
    public synchronized SandboxVideo submit(String protocol, VideoRequest request, Map<String, String> wire,
                                            String uniqueWireKey) {
        if (uniqueWireKey != null && wire.get(uniqueWireKey) != null) {
            String value = wire.get(uniqueWireKey);
            boolean taken = store.all().stream()
                    .anyMatch(v -> v.speaks(protocol) && value.equals(v.wire().get(uniqueWireKey)));
            if (taken) {
                throw new DuplicateWireValue(uniqueWireKey, value);
            }
        }
        return create(protocol, request, wire);
    }

    /** Another job of the protocol already carries this value, which the protocol keeps unique. */
    public static final class DuplicateWireValue extends RuntimeException {
        public DuplicateWireValue(String key, String value) {
            super(key + " '" + value + "' is already used by another task");
        }
    }

    private SandboxVideo create(String protocol, VideoRequest request, Map<String, String> wire) {
        ArmedFaults armed = faults.of(protocol);
        JobError plannedFailure = armed.takeJobFailure().orElse(null);
        boolean plannedExpiry = armed.takeExpiredOutput();
        String defect = plannedFailure == null ? armed.takeOutputDefect().orElse(null) : null;
        Instant now = Instant.now();
        Instant heldUntil = armed.takeThrottle().map(now::plus).orElse(null);
        SandboxVideo video = store.create((id, sequence) -> new SandboxVideo(id, sequence, request.model(),
                request.prompt(), request.seconds(), request.width(), request.height(), request.seed(),
                request.negativePrompt(), request.inputReferences(), request.idempotencyKey(), VideoStatus.QUEUED,
                now, null, null, null, null, null, plannedFailure, protocol, wire, heldUntil, plannedExpiry,
                request.generateAudio(), request.deadline(), defect));
        counters.submitted(protocol, video.model(), video.inputReferences());
        scheduler.schedule(video);
        return video;
    }
}
