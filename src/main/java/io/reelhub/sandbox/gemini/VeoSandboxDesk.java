package io.reelhub.sandbox.gemini;

import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.JobError;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxRateLimit;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.sandbox.VideoStatus;
import io.reelhub.sandbox.VideoSubmissions;

/**
 * What the Gemini and Vertex fronts share: throttling and outages before anything else, then the body's checks,
 * then one accepted (and counted) job in the sandbox's common store; and the operations' lookup by id.
 */
@Component
@ConditionalOnSandboxEnabled
@EnableConfigurationProperties(VeoSandboxModels.class)
public class VeoSandboxDesk {

    /** An accepted job, and whether a fault asks for its answer to be sent broken. */
    public record Accepted(SandboxVideo video, boolean malformed) {
    }

    private final VideoSubmissions submissions;
    private final SandboxVideoStore store;
    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final VeoSandboxModels models;
    private final SandboxRateLimit rateLimit;

    public VeoSandboxDesk(VideoSubmissions submissions, SandboxVideoStore store, SandboxFaults faults,
                          SandboxCounters counters, VeoSandboxModels models, SandboxRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.submissions = submissions;
        this.store = store;
        this.faults = faults;
        this.counters = counters;
        this.models = models;
    }

    Accepted submit(String protocol, String model, byte[] body) {
        faults.of(protocol).takeSubmitFault().ifPresent(fault -> {
            throw fault.rateLimited() ? GoogleApiException.exhausted(fault.retryAfterSeconds())
                    : GoogleApiException.server(fault.status());
        });
        models.check(model);
        // the per-model limit; Google says when to come back in RetryInfo (its 429 shape), not in Retry-After
        rateLimit.tryAdmit(protocol + "/" + model).ifPresent(wait -> {
            throw GoogleApiException.exhausted(wait);
        });
        var request = VeoRequestReader.read(body, model, protocol, "vertex".equals(protocol));
        Optional<java.time.Duration> slow = faults.of(protocol).takeSlowSubmit();
        SandboxVideo video = submissions.submit(request).video();
        // the job exists before the slow answer: a client that gives up waiting cannot know it was accepted
        slow.ifPresent(io.reelhub.sandbox.ArmedFaults::delay);
        return new Accepted(video, faults.of(protocol).takeMalformedSubmit());
    }

    /** A job by its operation id, only if it came in on {@code protocol}. */
    SandboxVideo operation(String protocol, String operationId) {
        return store.find("video_" + operationId).filter(v -> protocol.equals(v.protocol()))
                .orElseThrow(() -> GoogleApiException.notFound("Operation not found: " + operationId));
    }

    /** Faults of a poll: an outage, or a slow answer; returns whether the answer is to be sent broken. */
    boolean beforePoll(String protocol) {
        faults.of(protocol).takePollFault().ifPresent(status -> {
            counters.pollFailed();
            throw GoogleApiException.server(status);
        });
        faults.of(protocol).takeSlowPoll().ifPresent(io.reelhub.sandbox.ArmedFaults::delay);
        counters.polled();
        return faults.of(protocol).takeMalformedPoll();
    }

    SandboxFaults faults() {
        return faults;
    }

    void downloaded(SandboxCounters.DownloadOutcome outcome) {
        counters.downloaded(outcome);
    }

    void rejected(String protocol, int status) {
        counters.rejected(protocol, status);
    }

    static boolean filtered(SandboxVideo video) {
        return video.status() == VideoStatus.FAILED && video.error() != null
                && JobError.FILTERED.equals(video.error().code());
    }

    /** The gRPC code of a failed job's error: its code when it names one, else INTERNAL (13). */
    static int grpcCode(JobError error) {
        return switch (error.code() == null ? "" : error.code()) {
            case "INVALID_ARGUMENT" -> 3;
            case "DEADLINE_EXCEEDED" -> 4;
            case "RESOURCE_EXHAUSTED" -> 8;
            case "FAILED_PRECONDITION" -> 9;
            case "UNAVAILABLE" -> 14;
            default -> 13;
        };
    }
}
