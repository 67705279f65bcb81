package io.reelhub.dispatch.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelhub.dispatch.RenderStatus;
import io.reelhub.dispatch.RenderStatus.Phase;

/**
 * Reads a Veo long-running operation ({@code google.longrunning.Operation}) as a {@link RenderStatus}. There is no
 * status enum and no progress: only {@code done}. A finished operation carries either {@code error} or a
 * {@code response}; the Gemini API nests the samples under {@code response.generateVideoResponse.generatedSamples},
 * Vertex under {@code response.videos}.
 *
 * <p>A response with no video but {@code raiMediaFilteredReasons} is the safety filter's refusal: terminal, and not
 * charged. The exception is the audio filter: Veo 3.1 refuses benign prompts "with an issue with the audio" often
 * enough that a retry usually passes (googleapis/js-genai #1272; PROVIDERS.md §9), and the refusal is not charged,
 * so when every reason names the audio the job is reported {@link Phase#FAILED_RETRYABLE} and the hub generates
 * again, a bounded number of times. An operation error RESOURCE_EXHAUSTED (quota, code 8) is retryable the same way.
 */
final class VeoOperationStatus {

    static final String CONTENT_POLICY = "content_policy";
    static final String AUDIO_FILTERED = "rai_audio_filtered";
    private static final int RESOURCE_EXHAUSTED = 8;

    private VeoOperationStatus() {
    }

    static RenderStatus of(JsonNode operation, boolean vertex) {
        if (!operation.path("done").asBoolean(false)) {
            int progress = operation.path("metadata").path("progressPercent").asInt(0);
            return new RenderStatus(Phase.RUNNING, Math.max(0, Math.min(99, progress)), null, null, null);
        }
        JsonNode error = operation.path("error");
        if (error.isObject()) {
            int code = error.path("code").asInt(-1);
            String status = error.path("status").asText("");
            String label = "operation error " + code + (status.isEmpty() ? "" : " " + status);
            String message = error.path("message").asText("no message");
            Phase phase = code == RESOURCE_EXHAUSTED ? Phase.FAILED_RETRYABLE : Phase.FAILED;
            return new RenderStatus(phase, 0, label, message, null);
        }
        JsonNode result = result(operation, vertex);
        if (samples(result, vertex).size() > 0) {
            return new RenderStatus(Phase.SUCCEEDED, 100, null, null, null);
        }
        List<String> reasons = new ArrayList<>();
        result.path("raiMediaFilteredReasons").forEach(reason -> reasons.add(reason.asText()));
        if (!reasons.isEmpty() || result.path("raiMediaFilteredCount").asInt(0) > 0) {
            String said = reasons.isEmpty() ? "no reason given" : String.join(" | ", reasons);
            if (!reasons.isEmpty() && reasons.stream().allMatch(VeoOperationStatus::aboutAudio)) {
                return new RenderStatus(Phase.FAILED_RETRYABLE, 0, AUDIO_FILTERED,
                        "the provider's audio safety filter withheld the video (not charged; a known false "
                                + "positive that often passes on a new attempt): " + said, null);
            }
            return new RenderStatus(Phase.FAILED, 0, CONTENT_POLICY,
                    "the provider's content-policy filter withheld the video (not charged, not retried; change the "
                            + "prompt): " + said, null);
        }
        return new RenderStatus(Phase.FAILED, 0, "no_output", "the operation finished without a video (nothing to download; not generated again)", null);
    }

    /** {@code response.generateVideoResponse} on the Gemini API, {@code response} on Vertex. */
    static JsonNode result(JsonNode operation, boolean vertex) {
        JsonNode response = operation.path("response");
        return vertex ? response : response.path("generateVideoResponse");
    }

    static JsonNode samples(JsonNode result, boolean vertex) {
        return result.path(vertex ? "videos" : "generatedSamples");
    }

    private static boolean aboutAudio(String reason) {
        return reason.toLowerCase(Locale.ROOT).contains("audio");
    }
}
