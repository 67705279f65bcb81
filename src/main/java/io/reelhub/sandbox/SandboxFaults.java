package io.reelhub.sandbox;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The faults currently armed. Each "next N" fault is a countdown consumed by the request it hits, so a test can say
 * "the next two submits get a 429" and then watch the client recover.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxFaults {

    /** What a faulted submit answers instead of accepting the job. */
    public record SubmitFault(int status, int retryAfterSeconds) {
        public boolean rateLimited() {
            return status == 429;
        }
    }

    /** How a content download is to be shaped; {@code truncateAfterBytes < 0} means complete. */
    public record DownloadShape(long bytesPerSecond, long truncateAfterBytes) {
        public boolean truncated() {
            return truncateAfterBytes >= 0;
        }
    }

    private FaultSettings settings;
    private int rateLimitedSubmits;
    private int failingSubmits;
    private int failedJobs;
    private int failingPolls;
    private int truncatedDownloads;

    public SandboxFaults(SandboxProperties properties) {
        apply(properties.faults());
    }

    /** Replaces every armed fault with {@code faults}; absent values mean "off". */
    public synchronized void apply(FaultSettings faults) {
        settings = faults;
        rateLimitedSubmits = faults.rateLimitedSubmits();
        failingSubmits = faults.failingSubmits();
        failedJobs = faults.failedJobs();
        failingPolls = faults.failingPolls();
        truncatedDownloads = faults.truncatedDownloads();
    }

    public synchronized void reset() {
        apply(FaultSettings.NONE);
    }

    /** What is still armed: the counts are what remains of each countdown. */
    public synchronized FaultSettings remaining() {
        return new FaultSettings(rateLimitedSubmits, settings.retryAfterSeconds(), failingSubmits,
                settings.failingSubmitStatus(), failedJobs, settings.failedJobCode(), settings.failedJobMessage(),
                failingPolls, settings.failingPollStatus(), truncatedDownloads, settings.truncateAfterBytes(),
                settings.downloadBytesPerSecond());
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

    /** Consumes one job failure: the accepted job will end {@code failed} with this error. */
    public synchronized Optional<JobError> takeJobFailure() {
        if (failedJobs > 0) {
            failedJobs--;
            return Optional.of(new JobError(settings.failedJobCode(), settings.failedJobMessage()));
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

    /** Shapes one content download, consuming a truncation if one is armed. */
    public synchronized DownloadShape takeDownloadShape() {
        long truncateAfter = -1;
        if (truncatedDownloads > 0) {
            truncatedDownloads--;
            truncateAfter = settings.truncateAfterBytes();
        }
        return new DownloadShape(settings.downloadBytesPerSecond(), truncateAfter);
    }
}
