package io.reelhub.dispatch.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.GenerationSpec;

/**
 * The {@code :predictLongRunning} body for Veo: {@code instances[{prompt}]} and {@code parameters} with the aspect
 * ratio and resolution named (Veo takes no pixel size), whole-second {@code durationSeconds} and the negative prompt.
 * The Gemini API refuses {@code seed} and {@code generateAudio} (Vertex-only fields; audio is always on there), so
 * they are written for Vertex only.
 */
final class VeoRequestBody {

    private VeoRequestBody() {
    }

    static ObjectNode gemini(GenerationSpec spec, ObjectMapper json) {
        return common(spec, json);
    }

    static ObjectNode vertex(GenerationSpec spec, ObjectMapper json) {
        ObjectNode body = common(spec, json);
        ObjectNode parameters = (ObjectNode) body.get("parameters");
        if (spec.seed() != null) {
            parameters.put("seed", spec.seed());
        }
        parameters.put("generateAudio", spec.audio());
        return body;
    }

    private static ObjectNode common(GenerationSpec spec, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.putArray("instances").addObject().put("prompt", spec.prompt());
        ObjectNode parameters = body.putObject("parameters");
        parameters.put("sampleCount", 1);
        parameters.put("durationSeconds", spec.seconds());
        parameters.put("aspectRatio", aspectRatio(spec));
        parameters.put("resolution", resolution(spec));
        if (spec.negative() != null && !spec.negative().isBlank()) {
            parameters.put("negativePrompt", spec.negative());
        }
        return body;
    }

    /** Veo renders 16:9 or 9:16; the catalog only lists sizes of those two shapes for it. */
    static String aspectRatio(GenerationSpec spec) {
        return spec.width() >= spec.height() ? "16:9" : "9:16";
    }

    /** The tier of the frame's shorter side: 1080p from 1080 up, else 720p. */
    static String resolution(GenerationSpec spec) {
        return Math.min(spec.width(), spec.height()) >= 1080 ? "1080p" : "720p";
    }
}
