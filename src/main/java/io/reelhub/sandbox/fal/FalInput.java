package io.reelhub.sandbox.fal;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.sandbox.SandboxFrames;
import io.reelhub.sandbox.VideoRequest;

/**
 * A fal endpoint's input read back into what the sandbox renders. Each model family names length and resolution
 * its own way: Veo {@code "8s"}, Kling {@code "5"} (tier from the endpoint), Wan frames at a frame rate, the rest
 * {@code "5"} plus a resolution.
 */
final class FalInput {

    private FalInput() {
    }

    static boolean known(String endpoint) {
        return endpoint.startsWith("fal-ai/") && (endpoint.contains("/veo3") || endpoint.contains("/kling-video/")
                || endpoint.contains("/seedance/") || endpoint.contains("/wan/") || endpoint.contains("/sora-2/"));
    }

    static VideoRequest read(String endpoint, JsonNode input) {
        JsonNode prompt = input.path("prompt");
        if (!prompt.isTextual() || prompt.asText().isBlank()) {
            // the classic mistake: the SDK's {"input": {...}} wrapper sent on the raw HTTP API
            String hint = input.has("input") ? " (the raw queue API takes the model input as the body, with no"
                    + " 'input' wrapper)" : "";
            throw FalInput.missing("prompt", "field required" + hint);
        }
        String aspect = input.path("aspect_ratio").asText("16:9");
        int seconds;
        int tier;
        if (endpoint.contains("/veo3")) {
            String duration = input.path("duration").asText("8s");
            if (!duration.matches("[468]s")) {
                throw FalWire.invalidInput("duration", "unexpected value; permitted: '4s', '6s', '8s'",
                        "literal_error");
            }
            seconds = duration.charAt(0) - '0';
            tier = tier(input.path("resolution").asText("720p"));
        } else if (endpoint.contains("/kling-video/")) {
            String duration = input.path("duration").asText("5");
            if (!duration.equals("5") && !duration.equals("10")) {
                throw FalWire.invalidInput("duration", "unexpected value; permitted: '5', '10'", "literal_error");
            }
            seconds = Integer.parseInt(duration);
            tier = endpoint.contains("/master/") || endpoint.contains("/pro/") ? 1080 : 720;
        } else if (endpoint.contains("/wan/")) {
            int frames = input.path("num_frames").asInt(81);
            int fps = input.path("frames_per_second").asInt(16);
            if (frames < 17 || fps < 4 || fps > 60) {
                throw FalWire.invalidInput("num_frames", "num_frames must be 17 or more at 4 to 60 fps",
                        "value_error");
            }
            seconds = Math.max(1, Math.round((frames - 1) / (float) fps));
            tier = tier(input.path("resolution").asText("720p"));
        } else {
            String duration = input.path("duration").asText("5");
            if (!duration.matches("\\d{1,2}")) {
                throw FalWire.invalidInput("duration", "duration must be a whole number of seconds",
                        "value_error");
            }
            seconds = Integer.parseInt(duration);
            tier = tier(input.path("resolution").asText("1080p"));
        }
        int[] size = SandboxFrames.size(aspect, tier);
        if (size == null) {
            throw FalWire.invalidInput("aspect_ratio", "unexpected value '" + aspect + "'", "literal_error");
        }
        Long seed = input.path("seed").canConvertToLong() ? input.path("seed").asLong() : null;
        String negative = input.hasNonNull("negative_prompt") ? input.path("negative_prompt").asText() : null;
        return new VideoRequest(prompt.asText(), endpoint, seconds, size[0], size[1], seed, negative, 0, null);
    }

    private static int tier(String resolution) {
        Integer tier = SandboxFrames.tier(resolution);
        if (tier == null) {
            throw FalWire.invalidInput("resolution", "unexpected value '" + resolution + "'", "literal_error");
        }
        return tier;
    }

    private static io.reelhub.sandbox.WireError missing(String field, String message) {
        return FalWire.invalidInput(field, message, "missing");
    }
}
