package io.reelhub.sandbox.replicate;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelhub.sandbox.VideoRequest;

/**
 * Reads a prediction's {@code input} for the model it names, refusing what the model's schema refuses with a 422
 * that names the field (Replicate's "Input validation failed"). Veo is checked against its documented enums; the
 * other families are read leniently, with the frame taken from their resolution, aspect ratio or size fields.
 */
final class ReplicateInputReader {

    private static final Set<Integer> VEO_DURATIONS = Set.of(4, 6, 8);
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})[*x](\\d{2,5})");

    private ReplicateInputReader() {
    }

    static VideoRequest read(String model, JsonNode input, Instant deadline) {
        if (!input.isObject()) {
            throw ReplicateApiException.invalid("- input: Invalid type. Expected: object");
        }
        String prompt = input.path("prompt").asText("");
        if (prompt.isBlank()) {
            throw ReplicateApiException.invalid("- input: prompt is required");
        }
        int seconds = input.path("duration").asInt(model.startsWith("google/veo-") ? 8 : 5);
        if (model.startsWith("google/veo-") && !VEO_DURATIONS.contains(seconds)) {
            throw ReplicateApiException.invalid("- input.duration: input.duration must be one of the following: 4, 6, 8");
        }
        if (seconds < 1 || seconds > 20) {
            throw ReplicateApiException.invalid("- input.duration: Must be between 1 and 20");
        }
        int[] size = size(model, input);
        Long seed = input.hasNonNull("seed") ? input.path("seed").asLong() : null;
        Boolean audio = input.hasNonNull("generate_audio") ? input.path("generate_audio").asBoolean() : null;
        String negative = input.path("negative_prompt").asText(null);
        return new VideoRequest(prompt, model, seconds, size[0], size[1], seed, negative, 0, null,
                ReplicateSandboxController.PROTOCOL, audio, deadline);
    }

    private static int[] size(String model, JsonNode input) {
        Matcher explicit = SIZE.matcher(input.path("size").asText(""));
        if (explicit.matches()) {
            return new int[] {even(Integer.parseInt(explicit.group(1))), even(Integer.parseInt(explicit.group(2)))};
        }
        String aspect = input.path("aspect_ratio").asText("16:9");
        String resolution = input.path("resolution").asText("720p");
        if (model.startsWith("google/veo-")) {
            if (!Set.of("16:9", "9:16").contains(aspect)) {
                throw ReplicateApiException.invalid("- input.aspect_ratio: input.aspect_ratio must be one of the "
                        + "following: \"16:9\", \"9:16\"");
            }
            if (!Set.of("720p", "1080p").contains(resolution)) {
                throw ReplicateApiException.invalid("- input.resolution: input.resolution must be one of the "
                        + "following: \"720p\", \"1080p\"");
            }
        }
        int shorter = switch (resolution) {
            case "480p" -> 480;
            case "1080p" -> 1080;
            default -> 720;
        };
        int longer = even(shorter * 16 / 9);
        return switch (aspect) {
            case "9:16" -> new int[] {shorter, longer};
            case "1:1" -> new int[] {shorter, shorter};
            default -> new int[] {longer, shorter};
        };
    }

    private static int even(int side) {
        return side % 2 == 0 ? side : side + 1;
    }
}
