package io.reelhub.dispatch;

import java.time.Duration;

/**
 * A provider's answer to "how is my job?", normalised across protocols.
 *
 * @param pollAfter     when the provider asked to be polled again, null when it did not say
 * @param providerState new protocol state to keep with the job (an output URL, ...), null to keep what is there
 * @param note          what the provider said that a user should see while waiting (a queue position), or null
 */
public record RenderStatus(Phase phase, int progress, String errorCode, String errorMessage, Duration pollAfter,
                           String providerState, String note) {

    public enum Phase {
        QUEUED, RUNNING, SUCCEEDED, FAILED,
        /**
         * The provider ended this generation without output, charged nothing for it, and documents that asking
         * again may well succeed (Veo's audio-filter false positives, quota exhausted inside an operation): the hub
         * may generate again, a bounded number of times.
         */
        FAILED_RETRYABLE
    }

    public RenderStatus(Phase phase, int progress, String errorCode, String errorMessage, Duration pollAfter) {
        this(phase, progress, errorCode, errorMessage, pollAfter, null, null);
    }

    public String failureReason() {
        String code = errorCode == null ? "" : errorCode + ": ";
        return code + (errorMessage == null ? "no reason given" : errorMessage);
    }
}
