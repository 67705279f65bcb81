package io.reelhub.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.reelhub.sandbox.SandboxFaults.DownloadShape;
import io.reelhub.sandbox.SandboxFaults.SubmitFault;

/** One protocol's armed faults: the settings and what remains of each "next N" countdown. */
final class ArmedFaults {

    /** The countdowns, each consumed by the request it hits. */
    enum Countdown {
        RATE_LIMITED_SUBMITS, FAILING_SUBMITS, FAILED_JOBS, FILTERED_JOBS, CANCELED_JOBS, FAILING_POLLS,
        TRUNCATED_DOWNLOADS, SLOW_SUBMITS, SLOW_POLLS, MALFORMED_SUBMITS, MALFORMED_POLLS, EXPIRED_DOWNLOADS
    }

    private FaultSettings settings;
    private final Map<Countdown, Integer> left = new EnumMap<>(Countdown.class);

    ArmedFaults(FaultSettings settings) {
        apply(settings);
    }

    synchronized void apply(FaultSettings faults) {
        settings = faults;
        left.put(Countdown.RATE_LIMITED_SUBMITS, faults.rateLimitedSubmits());
        left.put(Countdown.FAILING_SUBMITS, faults.failingSubmits());
        left.put(Countdown.FAILED_JOBS, faults.failedJobs());
        left.put(Countdown.FILTERED_JOBS, faults.filteredJobs());
        left.put(Countdown.CANCELED_JOBS, faults.canceledJobs());
        left.put(Countdown.FAILING_POLLS, faults.failingPolls());
        left.put(Countdown.TRUNCATED_DOWNLOADS, faults.truncatedDownloads());
        left.put(Countdown.SLOW_SUBMITS, faults.slowSubmits());
        left.put(Countdown.SLOW_POLLS, faults.slowPolls());
        left.put(Countdown.MALFORMED_SUBMITS, faults.malformedSubmits());
        left.put(Countdown.MALFORMED_POLLS, faults.malformedPolls());
        left.put(Countdown.EXPIRED_DOWNLOADS, faults.expiredDownloads());
    }

    synchronized FaultSettings remaining() {
        return new FaultSettings(left.get(Countdown.RATE_LIMITED_SUBMITS), settings.retryAfterSeconds(),
                left.get(Countdown.FAILING_SUBMITS), settings.failingSubmitStatus(), left.get(Countdown.FAILED_JOBS),
                settings.failedJobCode(), settings.failedJobMessage(), left.get(Countdown.FAILING_POLLS),
                settings.failingPollStatus(), left.get(Countdown.TRUNCATED_DOWNLOADS), settings.truncateAfterBytes(),
                settings.downloadBytesPerSecond(), left.get(Countdown.SLOW_SUBMITS), left.get(Countdown.SLOW_POLLS),
                settings.slowMillis(), left.get(Countdown.MALFORMED_SUBMITS), left.get(Countdown.MALFORMED_POLLS),
                left.get(Countdown.EXPIRED_DOWNLOADS), left.get(Countdown.FILTERED_JOBS), settings.filteredReason(),
                left.get(Countdown.CANCELED_JOBS));
    }

    synchronized Optional<SubmitFault> takeSubmitFault() {
        if (consume(Countdown.RATE_LIMITED_SUBMITS)) {
            return Optional.of(new SubmitFault(429, settings.retryAfterSeconds()));
        }
        if (consume(Countdown.FAILING_SUBMITS)) {
            return Optional.of(new SubmitFault(settings.failingSubmitStatus(), 0));
        }
        return Optional.empty();
    }

    synchronized Optional<JobError> takeJobFailure() {
        if (consume(Countdown.FAILED_JOBS)) {
            return Optional.of(new JobError(settings.failedJobCode(), settings.failedJobMessage()));
        }
        if (consume(Countdown.FILTERED_JOBS)) {
            return Optional.of(new JobError(JobError.FILTERED, settings.filteredReason()));
        }
        if (consume(Countdown.CANCELED_JOBS)) {
            return Optional.of(new JobError(JobError.CANCELED, "Prediction was canceled."));
        }
        return Optional.empty();
    }

    synchronized Optional<Integer> takePollFault() {
        return consume(Countdown.FAILING_POLLS) ? Optional.of(settings.failingPollStatus()) : Optional.empty();
    }

    synchronized DownloadShape takeDownloadShape() {
        long truncateAfter = consume(Countdown.TRUNCATED_DOWNLOADS) ? settings.truncateAfterBytes() : -1;
        return new DownloadShape(settings.downloadBytesPerSecond(), truncateAfter);
    }

    /** Consumes one of a countdown without details of its own; the value is {@code slowMillis}. */
    synchronized Optional<Integer> take(Countdown countdown) {
        return consume(countdown) ? Optional.of(settings.slowMillis()) : Optional.empty();
    }

    private boolean consume(Countdown countdown) {
        int remaining = left.getOrDefault(countdown, 0);
        if (remaining <= 0) {
            return false;
        }
        left.put(countdown, remaining - 1);
        return true;
    }
}
