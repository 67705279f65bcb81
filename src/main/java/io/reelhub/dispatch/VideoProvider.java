package io.reelhub.dispatch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.reelhub.brief.GenerationSpec;

/**
 * One video-generation protocol. Implementations make exactly one HTTP request per call (a finished job's status
 * and result may be two reads): retries, back-off and reconciliation are the pump's decisions, recorded in the job
 * ledger, so that no hidden re-send can pay twice.
 *
 * <p>Protocols that only need the provider's id implement the {@code String} methods; protocols that keep more
 * (URLs from the submit answer, an output URL learnt while polling) override the {@link ProviderJob} ones, which
 * the pump calls.
 */
public interface VideoProvider {

    /** The name recorded on the job ({@code sandbox}, {@code openai-compatible}, ...). */
    String name();

    /** Submits one generation and returns the provider's job id. */
    String submit(GenerationSpec spec, String idempotencyKey);

    /** Submits one generation and returns the provider's job with any state the protocol must keep. */
    default ProviderJob submitJob(GenerationSpec spec, String idempotencyKey) {
        return ProviderJob.of(submit(spec, idempotencyKey));
    }

    /**
     * After a crash between "intent recorded" and "provider id saved": finds the job the provider may already have
     * for this submission, so the hub adopts it instead of paying again.
     *
     * @param excluded provider job ids already owned by other hub jobs
     */
    Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded);

    /** As {@link #findSubmitted(GenerationSpec, Instant, Set)}, for protocols that can look a job up by its key. */
    default Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded,
                                           String idempotencyKey) {
        return findSubmitted(spec, intentAt, excluded);
    }

    RenderStatus poll(String providerJobId);

    /** Polls with the kept state; a status may carry new state to keep ({@link RenderStatus#providerState()}). */
    default RenderStatus poll(ProviderJob job) {
        return poll(job.id());
    }

    /** Streams the finished video to {@code target} (written complete or not at all); returns the byte count. */
    long download(String providerJobId, Path target);

    default long download(ProviderJob job, Path target) {
        return download(job.id(), target);
    }

    /**
     * Asks the provider to stop a job (and stop charging for it). Protocols without a cancel endpoint refuse.
     *
     * @throws UnsupportedOperationException when the protocol has no way to cancel a job
     */
    default void cancel(String providerJobId) {
        throw new UnsupportedOperationException(name() + " has no cancel endpoint: job " + providerJobId
                + " runs to its end at the provider");
    }

    default void cancel(ProviderJob job) {
        cancel(job.id());
    }
}
