package io.reelhub.dispatch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import io.reelhub.brief.GenerationSpec;

/**
 * One video-generation protocol. Implementations make exactly one HTTP request per call: retries, back-off and
 * reconciliation are the pump's decisions, recorded in the job ledger, so that no hidden re-send can pay twice.
 */
public interface VideoProvider {

    /** The name recorded on the job ({@code sandbox}, {@code openai-compatible}, ...). */
    String name();

    /** Submits one generation and returns the provider's job id. */
    String submit(GenerationSpec spec, String idempotencyKey);

    /**
     * After a crash between "intent recorded" and "provider id saved": finds the job the provider may already have
     * for this submission, so the hub adopts it instead of paying again.
     *
     * @param excluded provider job ids already owned by other hub jobs
     */
    Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, java.util.Set<String> excluded);

    RenderStatus poll(String providerJobId);

    /** Streams the finished video to {@code target} (written complete or not at all); returns the byte count. */
    long download(String providerJobId, Path target);

    /**
     * Asks the provider to stop a job (and stop charging for it). Protocols without a cancel endpoint refuse.
     *
     * @throws UnsupportedOperationException when the protocol has no way to cancel a job
     */
    default void cancel(String providerJobId) {
        throw new UnsupportedOperationException(name() + " has no cancel endpoint: job " + providerJobId
                + " runs to its end at the provider");
    }
}
