package io.reelhub.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Faults the sandbox injects, both as {@code reelhub.sandbox.faults.*} properties and as the JSON body of
 * {@code POST /sandbox/admin/faults} (same names, camelCase in JSON, kebab-case in YAML). Counts are "the next N";
 * a missing value means "no fault" (or the documented default for the detail fields).
 *
 * @param rateLimitedSubmits   the next N submits answer 429 with {@code Retry-After}
 * @param retryAfterSeconds    the {@code Retry-After} of those 429s (default 2)
 * @param failingSubmits       the next N submits answer {@code failingSubmitStatus}
 * @param failingSubmitStatus  500, 502, 503 or 504 (default 500)
 * @param failedJobs           the next N accepted jobs end {@code failed}
 * @param failedJobCode        their {@code error.code} (default {@code moderation_blocked})
 * @param failedJobMessage     their {@code error.message}
 * @param failingPolls         the next N retrieves answer {@code failingPollStatus}
 * @param failingPollStatus    500, 502, 503 or 504 (default 500)
 * @param truncatedDownloads   the next N content downloads stop after {@code truncateAfterBytes}
 * @param truncateAfterBytes   where those downloads stop (default 65536), while announcing the full length
 * @param downloadBytesPerSecond throttle every content download to this rate while set (0 = full speed)
 * @param slowSubmits          the next N submits are accepted (and paid) but answered only after
 *                             {@code responseDelayMillis}: a client with a shorter timeout never sees the answer
 * @param slowPolls            the next N polls are answered only after {@code responseDelayMillis}
 * @param responseDelayMillis  the delay of those answers (default 2000)
 * @param malformedPolls       the next N polls answer 200 with a body that is not JSON
 * @param expiredOutputs       the next N accepted jobs complete with their output already expired (404 on download)
 * @param concurrencyLimitedSubmits the next N submits are refused for the account's concurrency limit (Kling 1303,
 *                             fal and Runway 429)
 * @param throttledJobs        the next N accepted jobs wait {@code throttleMillis} before they start (Runway
 *                             THROTTLED, fal IN_QUEUE, Kling submitted)
 * @param throttleMillis       how long those jobs wait (default 1000)
 * @param malformedSubmits     the next N submits are accepted but answered with broken JSON
 * @param expiredDownloads     the next N downloads answer 404 as if the output had expired already
 * @param filteredJobs         the next N accepted jobs end without a video, withheld by the safety filter (Gemini:
 *                             {@code done} with {@code raiMediaFilteredReasons}; Replicate: failed with E005)
 * @param filteredReason       their reason text (default: each protocol's documented wording)
 * @param canceledJobs         the next N accepted jobs end cancelled (Replicate's {@code canceled})
 * @param defectiveOutputs     the next N accepted jobs complete (and are paid) with a clip that is broken in the way
 *                             {@code outputDefect} says, for the hub's quality check to catch
 * @param outputDefect         {@code black} (default: the last three quarters black), {@code frozen} (the picture
 *                             stops a quarter in), {@code wrong-size} (half the asked width and height) or
 *                             {@code corrupt} (the MP4 cut in half, served whole: it probes but does not decode)
 * @param droppedWebhooks      the next N webhooks or callbacks the sandbox would send as jobs finish (fal's
 *                             signed webhook, Kling's callback) are never sent, as when a delivery is lost
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FaultSettings(
        Integer rateLimitedSubmits,
        Integer retryAfterSeconds,
        Integer failingSubmits,
        Integer failingSubmitStatus,
        Integer failedJobs,
        String failedJobCode,
        String failedJobMessage,
        Integer failingPolls,
        Integer failingPollStatus,
        Integer truncatedDownloads,
        Long truncateAfterBytes,
        Long downloadBytesPerSecond,
        Integer slowSubmits,
        Integer slowPolls,
        Long responseDelayMillis,
        Integer malformedPolls,
        Integer expiredOutputs,
        Integer concurrencyLimitedSubmits,
        Integer throttledJobs,
        Long throttleMillis,
        Integer malformedSubmits,
        Integer expiredDownloads,
        Integer filteredJobs,
        String filteredReason,
        Integer canceledJobs,
        Integer defectiveOutputs,
        String outputDefect,
        Integer droppedWebhooks) {

    private static final Set<Integer> SERVER_ERRORS = Set.of(500, 502, 503, 504);
    /** The ways a defective output can be broken ({@code outputDefect}). */
    public static final Set<String> OUTPUT_DEFECTS = Set.of("black", "frozen", "wrong-size", "corrupt");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final FaultSettings NONE = of(Map.of());

    /** The faults of the first releases (every fault added later off). */
    public FaultSettings(Integer rateLimitedSubmits, Integer retryAfterSeconds, Integer failingSubmits,
                         Integer failingSubmitStatus, Integer failedJobs, String failedJobCode, String failedJobMessage,
                         Integer failingPolls, Integer failingPollStatus, Integer truncatedDownloads,
                         Long truncateAfterBytes, Long downloadBytesPerSecond) {
        this(rateLimitedSubmits, retryAfterSeconds, failingSubmits, failingSubmitStatus, failedJobs, failedJobCode,
                failedJobMessage, failingPolls, failingPollStatus, truncatedDownloads, truncateAfterBytes,
                downloadBytesPerSecond, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The faults before defective outputs (those off). */
    public FaultSettings(Integer rateLimitedSubmits, Integer retryAfterSeconds, Integer failingSubmits,
                         Integer failingSubmitStatus, Integer failedJobs, String failedJobCode, String failedJobMessage,
                         Integer failingPolls, Integer failingPollStatus, Integer truncatedDownloads,
                         Long truncateAfterBytes, Long downloadBytesPerSecond, Integer slowSubmits, Integer slowPolls,
                         Long responseDelayMillis, Integer malformedPolls, Integer expiredOutputs,
                         Integer concurrencyLimitedSubmits, Integer throttledJobs, Long throttleMillis,
                         Integer malformedSubmits, Integer expiredDownloads, Integer filteredJobs,
                         String filteredReason, Integer canceledJobs) {
        this(rateLimitedSubmits, retryAfterSeconds, failingSubmits, failingSubmitStatus, failedJobs, failedJobCode,
                failedJobMessage, failingPolls, failingPollStatus, truncatedDownloads, truncateAfterBytes,
                downloadBytesPerSecond, slowSubmits, slowPolls, responseDelayMillis, malformedPolls, expiredOutputs,
                concurrencyLimitedSubmits, throttledJobs, throttleMillis, malformedSubmits, expiredDownloads,
                filteredJobs, filteredReason, canceledJobs, null, null, null);
    }

    /** Faults named as in the admin endpoint's JSON body ({@code {"failedJobs": 1, "failedJobCode": "..."}}). */
    public static FaultSettings of(Map<String, ?> fields) {
        return JSON.convertValue(fields, FaultSettings.class);
    }

    @JsonCreator
    @ConstructorBinding
    public FaultSettings {
        rateLimitedSubmits = atLeastZero(rateLimitedSubmits);
        retryAfterSeconds = retryAfterSeconds == null || retryAfterSeconds < 0 ? 2 : retryAfterSeconds;
        failingSubmits = atLeastZero(failingSubmits);
        failingSubmitStatus = serverError("failingSubmitStatus", failingSubmitStatus);
        failedJobs = atLeastZero(failedJobs);
        failedJobCode = failedJobCode == null || failedJobCode.isBlank() ? "moderation_blocked" : failedJobCode;
        failedJobMessage = Objects.requireNonNullElse(failedJobMessage,
                "Your request was blocked by our moderation system.");
        failingPolls = atLeastZero(failingPolls);
        failingPollStatus = serverError("failingPollStatus", failingPollStatus);
        truncatedDownloads = atLeastZero(truncatedDownloads);
        truncateAfterBytes = truncateAfterBytes == null || truncateAfterBytes < 0 ? 65_536L : truncateAfterBytes;
        downloadBytesPerSecond = downloadBytesPerSecond == null || downloadBytesPerSecond < 0 ? 0L
                : downloadBytesPerSecond;
        slowSubmits = atLeastZero(slowSubmits);
        slowPolls = atLeastZero(slowPolls);
        responseDelayMillis = responseDelayMillis == null || responseDelayMillis < 0 ? 2000L : responseDelayMillis;
        malformedPolls = atLeastZero(malformedPolls);
        expiredOutputs = atLeastZero(expiredOutputs);
        concurrencyLimitedSubmits = atLeastZero(concurrencyLimitedSubmits);
        throttledJobs = atLeastZero(throttledJobs);
        throttleMillis = throttleMillis == null || throttleMillis < 0 ? 1000L : throttleMillis;
        malformedSubmits = atLeastZero(malformedSubmits);
        expiredDownloads = atLeastZero(expiredDownloads);
        filteredJobs = atLeastZero(filteredJobs);
        filteredReason = filteredReason == null || filteredReason.isBlank() ? null : filteredReason;
        canceledJobs = atLeastZero(canceledJobs);
        defectiveOutputs = atLeastZero(defectiveOutputs);
        outputDefect = outputDefect == null || outputDefect.isBlank() ? "black" : outputDefect.strip();
        if (!OUTPUT_DEFECTS.contains(outputDefect)) {
            throw new IllegalArgumentException("outputDefect must be one of " + new TreeSet<>(OUTPUT_DEFECTS)
                    + ", got " + outputDefect);
        }
        droppedWebhooks = atLeastZero(droppedWebhooks);
    }

    private static int atLeastZero(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }

    private static int serverError(String name, Integer status) {
        if (status == null) {
            return 500;
        }
        if (!SERVER_ERRORS.contains(status)) {
            throw new IllegalArgumentException(name + " must be one of " + SERVER_ERRORS + ", got " + status);
        }
        return status;
    }
}
