package io.reelhub.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The faults currently armed, per protocol the sandbox speaks ({@code openai}, {@code gemini}, {@code vertex},
 * {@code replicate}, {@code kling}, {@code fal}, {@code runway}): arming Kling's faults leaves the others alone. The methods without a protocol are the OpenAI
 * protocol's, where {@code reelhub.sandbox.faults.*} arms faults at start-up.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxFaults {

    public static final String OPENAI = "openai";

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
        byProtocol.put(OPENAI, new ArmedFaults(properties.faults()));
    }

    /** The faults of one protocol (none armed until told). */
    public ArmedFaults of(String protocol) {
        return byProtocol.computeIfAbsent(protocol, p -> new ArmedFaults(FaultSettings.NONE));
    }

    /** Replaces every armed fault of the OpenAI protocol with {@code faults}; absent values mean "off". */
    public void apply(FaultSettings faults) {
        of(OPENAI).apply(faults);
    }

    /** Disarms every fault of every protocol. */
    public void reset() {
        byProtocol.values().forEach(armed -> armed.apply(FaultSettings.NONE));
    }

    public FaultSettings remaining() {
        return of(OPENAI).remaining();
    }

    public Optional<SubmitFault> takeSubmitFault() {
        return of(OPENAI).takeSubmitFault();
    }

    public Optional<JobError> takeJobFailure() {
        return of(OPENAI).takeJobFailure();
    }

    public Optional<Integer> takePollFault() {
        return of(OPENAI).takePollFault();
    }

    public DownloadShape takeDownloadShape() {
        return of(OPENAI).takeDownloadShape();
    }
}
