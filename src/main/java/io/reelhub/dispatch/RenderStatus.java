package io.reelhub.dispatch;

import java.time.Duration;

/**
 * A provider's answer to "how is my job?", normalised across protocols.
 *
 * @param pollAfter when the provider asked to be polled again, null when it did not say
 */
public record RenderStatus(Phase phase, int progress, String errorCode, String errorMessage, Duration pollAfter) {

    public enum Phase { QUEUED, RUNNING, SUCCEEDED, FAILED }

    public String failureReason() {
        String code = errorCode == null ? "" : errorCode + ": ";
        return code + (errorMessage == null ? "no reason given" : errorMessage);
    }
}
