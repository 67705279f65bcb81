package io.reelhub.sandbox;

import java.time.Duration;
import java.util.Optional;

import io.reelhub.sandbox.SandboxFaults.DownloadShape;
import io.reelhub.sandbox.SandboxFaults.SubmitFault;

/**
 * The faults armed for one protocol of the sandbox. Each "next N" fault is a countdown consumed by the request it
 * hits, so a test can say "the next two Kling submits get a 429" and watch the client recover, while the other
 * protocols answer normally. Some kinds only mean something on the protocols that have them (filtered and
 * cancelled jobs on Gemini/Vertex/Replicate, concurrency limits and throttles on Kling/fal/Runway).
 */
public final class ArmedFaults {

    private FaultSettings settings;
    private int rateLimitedSubmits;
    private int failingSubmits;
    private int failedJobs;
    private int failingPolls;
    private int truncatedDownloads;
    private int slowSubmits;
    private int slowPolls;
    private int malformedPolls;
    private int expiredOutputs;
    private int concurrencyLimitedSubmits;
    private int throttledJobs;
    private int malformedSubmits;
    private int expiredDownloads;
    private int filteredJobs;
    private int canceledJobs;
    private int defectiveOutputs;
    private int droppedWebhooks;

    ArmedFaults(FaultSettings faults) {
        apply(faults);
    }

    /** Replaces every armed fault with {@code faults}; absent values mean "off". */
    public synchronized void apply(FaultSettings faults) {
        settings = faults;
        rateLimitedSubmits = faults.rateLimitedSubmits();
        failingSubmits = faults.failingSubmits();
        failedJobs = faults.failedJobs();
        failingPolls = faults.failingPolls();
        truncatedDownloads = faults.truncatedDownloads();
        slowSubmits = faults.slowSubmits();
        slowPolls = faults.slowPolls();
        malformedPolls = faults.malformedPolls();
        expiredOutputs = faults.expiredOutputs();
        concurrencyLimitedSubmits = faults.concurrencyLimitedSubmits();
        throttledJobs = faults.throttledJobs();
        malformedSubmits = faults.malformedSubmits();
        expiredDownloads = faults.expiredDownloads();
        filteredJobs = faults.filteredJobs();
        canceledJobs = faults.canceledJobs();
        defectiveOutputs = faults.defectiveOutputs();
        droppedWebhooks = faults.droppedWebhooks();
    }

    /** What is still armed: the counts are what remains of each countdown. */
    public synchronized FaultSettings remaining() {
        return new FaultSettings(rateLimitedSubmits, settings.retryAfterSeconds(), failingSubmits,
                settings.failingSubmitStatus(), failedJobs, settings.failedJobCode(), settings.failedJobMessage(),
                failingPolls, settings.failingPollStatus(), truncatedDownloads, settings.truncateAfterBytes(),
                settings.downloadBytesPerSecond(), slowSubmits, slowPolls, settings.responseDelayMillis(),
                malformedPolls, expiredOutputs, concurrencyLimitedSubmits, throttledJobs, settings.throttleMillis(),
                malformedSubmits, expiredDownloads, filteredJobs, settings.filteredReason(), canceledJobs,
                defectiveOutputs, settings.outputDefect(), droppedWebhooks);
    }

    /** Consumes one submit fault, rate limits first (a real gateway throttles before anything else fails). */
    public synchronized Optional<SubmitFault> takeSubmitFault() {
        if (rateLimitedSubmits > 0) {
            rateLimitedSubmits--;
            return Optional.of(new SubmitFault(429, settings.retryAfterSeconds()));
        }
        if (failingSubmits > 0) {
            failingSubmits--;
            return Optional.of(new SubmitFault(settings.failingSubmitStatus(), 0));
        }
        return Optional.empty();
    }

    /** Consumes one concurrency refusal: every parallel slot of the account is taken. */
    public synchronized boolean takeConcurrencyLimit() {
        if (concurrencyLimitedSubmits > 0) {
            concurrencyLimitedSubmits--;
            return true;
        }
        return false;
    }

    /**
     * Consumes one planned ending for an accepted job: failed with an error, withheld by the safety filter
     * ({@link JobError#FILTERED}) or cancelled ({@link JobError#CANCELED}).
     */
    public synchronized Optional<JobError> takeJobFailure() {
        if (failedJobs > 0) {
            failedJobs--;
            return Optional.of(new JobError(settings.failedJobCode(), settings.failedJobMessage()));
        }
        if (filteredJobs > 0) {
            filteredJobs--;
            return Optional.of(new JobError(JobError.FILTERED, settings.filteredReason()));
        }
        if (canceledJobs > 0) {
            canceledJobs--;
            return Optional.of(new JobError(JobError.CANCELED, "Prediction was canceled."));
        }
        return Optional.empty();
    }

    /** Consumes one expiry: the accepted job's output will be gone by the time it completes. */
    public synchronized boolean takeExpiredOutput() {
        if (expiredOutputs > 0) {
            expiredOutputs--;
            return true;
        }
        return false;
    }

    /** Consumes one defective output: how the accepted job's clip is to be broken ({@code black}, ...). */
    public synchronized Optional<String> takeOutputDefect() {
        if (defectiveOutputs > 0) {
            defectiveOutputs--;
            return Optional.of(settings.outputDefect());
        }
        return Optional.empty();
    }

    /** Consumes one throttle: how long the accepted job waits before it may start. */
    public synchronized Optional<Duration> takeThrottle() {
        if (throttledJobs > 0) {
            throttledJobs--;
            return Optional.of(Duration.ofMillis(settings.throttleMillis()));
        }
        return Optional.empty();
    }

    /** Consumes one poll fault and returns the status to answer. */
    public synchronized Optional<Integer> takePollFault() {
        if (failingPolls > 0) {
            failingPolls--;
            return Optional.of(settings.failingPollStatus());
        }
        return Optional.empty();
    }

    /** Consumes one slow answer to a submit: the delay before it is sent. */
    public synchronized Optional<Duration> takeSlowSubmit() {
        if (slowSubmits > 0) {
            slowSubmits--;
            return Optional.of(Duration.ofMillis(settings.responseDelayMillis()));
        }
        return Optional.empty();
    }

    /** Consumes one slow answer to a poll: the delay before it is sent. */
    public synchronized Optional<Duration> takeSlowPoll() {
        if (slowPolls > 0) {
            slowPolls--;
            return Optional.of(Duration.ofMillis(settings.responseDelayMillis()));
        }
        return Optional.empty();
    }

    /** Consumes one malformed poll answer. */
    public synchronized boolean takeMalformedPoll() {
        if (malformedPolls > 0) {
            malformedPolls--;
            return true;
        }
        return false;
    }

    /** Consumes one malformed submit answer (the job is accepted all the same). */
    public synchronized boolean takeMalformedSubmit() {
        if (malformedSubmits > 0) {
            malformedSubmits--;
            return true;
        }
        return false;
    }

    /** Consumes one lost webhook: the next webhook or callback of this protocol is never sent. */
    public synchronized boolean takeDroppedWebhook() {
        if (droppedWebhooks > 0) {
            droppedWebhooks--;
            return true;
        }
        return false;
    }

    /** Consumes one expired download: the download answers 404 as if the output were gone already. */
    public synchronized boolean takeExpiredDownload() {
        if (expiredDownloads > 0) {
            expiredDownloads--;
            return true;
        }
        return false;
    }

    /** Shapes one content download, consuming a truncation if one is armed. */
    public synchronized DownloadShape takeDownloadShape() {
        long truncateAfter = -1;
        if (truncatedDownloads > 0) {
            truncatedDownloads--;
            truncateAfter = settings.truncateAfterBytes();
        }
        return new DownloadShape(settings.downloadBytesPerSecond(), truncateAfter);
    }

    /** Holds the calling request thread: the emulated slow answer (the sandbox's own threads, never the hub's). */
    public static void delay(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
