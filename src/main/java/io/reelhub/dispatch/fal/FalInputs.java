package io.reelhub.dispatch.fal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.FrameWords;

/**
 * A generation as the input JSON of a fal endpoint, sent as the request body as is (fal's raw queue API has no
 * {@code input} wrapper; only its SDKs' call signature does). Each model family names its fields its own way.
 */
final class FalInputs {

    private FalInputs() {
    }

    static ObjectNode of(String endpoint, GenerationSpec spec, ObjectMapper json) {
        FrameWords frame = FrameWords.of(spec.width(), spec.height());
        ObjectNode input = json.createObjectNode().put("prompt", spec.prompt()).put("aspect_ratio", frame.aspect());
        if (endpoint.contains("/veo3")) {
            // "4s" / "6s" / "8s"; audio is a separate switch
            input.put("duration", spec.seconds() + "s").put("resolution", frame.resolution())
                    .put("generate_audio", spec.audio());
        } else if (endpoint.contains("/kling-video/")) {
            // "5" / "10"; the tier follows the endpoint (master and pro render 1080p)
            input.put("duration", Integer.toString(spec.seconds()));
        } else if (endpoint.contains("/wan/")) {
            // Wan counts frames at 16 fps rather than seconds (unconfirmed for every Wan endpoint)
            input.put("num_frames", spec.seconds() * 16 + 1).put("frames_per_second", 16)
                    .put("resolution", frame.resolution());
        } else {
            input.put("duration", Integer.toString(spec.seconds())).put("resolution", frame.resolution());
        }
        if (spec.negative() != null) {
            input.put("negative_prompt", spec.negative());
        }
        if (spec.seed() != null) {
            input.put("seed", spec.seed());
        }
        return input;
    }
}
