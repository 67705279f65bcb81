package io.reelhub.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The faults currently armed, per wire protocol ({@code openai}, {@code gemini}, {@code vertex}, {@code replicate}):
 * a test breaks one protocol while the others behave. Each "next N" fault is a countdown consumed by the request it
 * hits, so a test can say "the next two submits get a 429" and then watch the client recover. The calls without a
 * protocol are the OpenAI wire's, whose faults {@code reelhub.sandbox.faults} arms at start-up.
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

    private final Map<String, ArmedFaults> byProtocol = new ConcurrentHashMap<>();

    public SandboxFaults(SandboxProperties properties) {
        apply(properties.faults());
    }

    /** Replaces every armed fault of the OpenAI wire with {@code faults}; absent values mean "off". */
    public void apply(FaultSettings faults) {
        apply(SandboxVideo.OPENAI, faults);
    }

    /** Replaces every armed fault of one protocol; absent values mean "off". */
    public void apply(String protocol, FaultSettings faults) {
        armed(protocol).apply(faults);
    }

    /** Disarms every protocol's faults. */
    public void reset() {
        byProtocol.values().forEach(armed -> armed.apply(FaultSettings.NONE));
    }

    public FaultSettings remaining() {
        return remaining(SandboxVideo.OPENAI);
    }

    /** What is still armed for a protocol: the counts are what remains of each countdown. */
    public FaultSettings remaining(String protocol) {
        return armed(protocol).remaining();
    }

    public Optional<SubmitFault> takeSubmitFault() {
        return takeSubmitFault(SandboxVideo.OPENAI);
    }

    /** Consumes one submit fault, rate limits first (a real gateway throttles before anything else fails). */
    public Optional<SubmitFault> takeSubmitFault(String protocol) {
        return armed(protocol).takeSubmitFault();
    }

    public Optional<JobError> takeJobFailure() {
        return takeJobFailure(SandboxVideo.OPENAI);
    }

    /**
     * Consumes one planned ending for an accepted job: failed with an error, withheld by the safety filter
     * ({@link JobError#FILTERED}) or cancelled ({@link JobError#CANCELED}).
     */
    public Optional<JobError> takeJobFailure(String protocol) {
        return armed(protocol).takeJobFailure();
    }

    public Optional<Integer> takePollFault() {
        return takePollFault(SandboxVideo.OPENAI);
    }

    /** Consumes one poll fault and returns the status to answer. */
    public Optional<Integer> takePollFault(String protocol) {
        return armed(protocol).takePollFault();
    }

    public DownloadShape takeDownloadShape() {
        return takeDownloadShape(SandboxVideo.OPENAI);
    }

    /** Shapes one content download, consuming a truncation if one is armed. */
    public DownloadShape takeDownloadShape(String protocol) {
        return armed(protocol).takeDownloadShape();
    }

    /** Consumes one slow-answer fault for a submit; returns how long to hold the answer back. */
    public Optional<Integer> takeSlowSubmit(String protocol) {
        return armed(protocol).take(ArmedFaults.Countdown.SLOW_SUBMITS);
    }

    public Optional<Integer> takeSlowPoll(String protocol) {
        return armed(protocol).take(ArmedFaults.Countdown.SLOW_POLLS);
    }

    public boolean takeMalformedSubmit(String protocol) {
        return armed(protocol).take(ArmedFaults.Countdown.MALFORMED_SUBMITS).isPresent();
    }

    public boolean takeMalformedPoll(String protocol) {
        return armed(protocol).take(ArmedFaults.Countdown.MALFORMED_POLLS).isPresent();
    }

    public boolean takeExpiredDownload(String protocol) {
        return armed(protocol).take(ArmedFaults.Countdown.EXPIRED_DOWNLOADS).isPresent();
    }

    private ArmedFaults armed(String protocol) {
        return byProtocol.computeIfAbsent(protocol == null ? SandboxVideo.OPENAI : protocol,
                p -> new ArmedFaults(FaultSettings.NONE));
    }
}
