package io.reelhub.sandbox.gemini;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.sandbox.VideoRequest;

/**
 * Reads a {@code :predictLongRunning} body the way Google's proto-JSON front end does: unknown field names are a
 * 400 ({@code Unknown name "seed" at 'parameters'}), which is how the Gemini API refuses Vertex-only fields such as
 * {@code seed} and {@code generateAudio}. Values outside what Veo 3.1 renders are refused with the allowed ones.
 */
final class VeoRequestReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("instances", "parameters");
    private static final Set<String> INSTANCE = Set.of("prompt", "image", "lastFrame", "referenceImages", "video");
    private static final Set<String> GEMINI_PARAMETERS = Set.of("sampleCount", "durationSeconds", "aspectRatio",
            "resolution", "personGeneration", "negativePrompt", "enhancePrompt");
    private static final Set<String> VERTEX_PARAMETERS = Set.of("sampleCount", "durationSeconds", "aspectRatio",
            "resolution", "personGeneration", "negativePrompt", "enhancePrompt", "seed", "generateAudio", "fps",
            "compressionQuality", "resizeMode", "pubsubTopic");
    private static final Set<Integer> DURATIONS = Set.of(4, 6, 8);

    private VeoRequestReader() {
    }

    static VideoRequest read(byte[] body, String model, String protocol, boolean vertex) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw GoogleApiException.invalid("Invalid JSON payload received. " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw GoogleApiException.invalid("Invalid JSON payload received. Expected an object.");
        }
        known(root, vertex ? Set.of("instances", "parameters", "labels") : withWebhook(), "");
        JsonNode instances = root.path("instances");
        if (!instances.isArray() || instances.size() != 1) {
            throw GoogleApiException.invalid("instances must hold exactly one instance.");
        }
        JsonNode instance = instances.get(0);
        known(instance, INSTANCE, "instances[0]");
        String prompt = instance.path("prompt").asText("");
        if (prompt.isBlank() && instance.path("image").isMissingNode()) {
            throw GoogleApiException.invalid("A prompt or an image is required.");
        }
        JsonNode parameters = root.path("parameters");
        known(parameters, vertex ? VERTEX_PARAMETERS : GEMINI_PARAMETERS, "parameters");
        if (parameters.path("sampleCount").asInt(1) != 1) {
            throw GoogleApiException.invalid("sampleCount: the sandbox renders one sample per request.");
        }
        int seconds = integer(parameters.path("durationSeconds"), 8, "durationSeconds");
        if (!DURATIONS.contains(seconds)) {
            throw GoogleApiException.invalid("Unsupported durationSeconds: " + seconds
                    + ". Supported values are 4, 6 and 8.");
        }
        String aspect = parameters.path("aspectRatio").asText("16:9");
        String resolution = parameters.path("resolution").asText("720p");
        int shorter = switch (resolution) {
            case "720p" -> 720;
            case "1080p" -> 1080;
            default -> throw GoogleApiException.invalid("Unsupported resolution: '" + resolution
                    + "'. Supported values are '720p' and '1080p' (the sandbox renders no 4k).");
        };
        int longer = shorter * 16 / 9;
        int[] size = switch (aspect) {
            case "16:9" -> new int[] {longer, shorter};
            case "9:16" -> new int[] {shorter, longer};
            default -> throw GoogleApiException.invalid("Unsupported aspectRatio: '" + aspect
                    + "'. Supported values are '16:9' and '9:16'.");
        };
        Long seed = parameters.hasNonNull("seed") ? (long) integer(parameters.path("seed"), 0, "seed") : null;
        Boolean audio = parameters.hasNonNull("generateAudio") ? parameters.path("generateAudio").asBoolean() : null;
        String negative = parameters.path("negativePrompt").asText(null);
        int references = instance.path("referenceImages").size() + (instance.has("image") ? 1 : 0);
        return new VideoRequest(prompt, model, seconds, size[0], size[1], seed, negative, references, null, protocol,
                audio, null);
    }

    private static Set<String> withWebhook() {
        java.util.Set<String> top = new java.util.HashSet<>(TOP);
        top.add("webhookConfig");
        return top;
    }

    private static void known(JsonNode node, Set<String> allowed, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw GoogleApiException.invalid("Invalid JSON payload received. '" + where + "' is not an object.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw GoogleApiException.invalid("Invalid JSON payload received. Unknown name \"" + name + "\""
                        + (where.isEmpty() ? "" : " at '" + where + "'") + ": Cannot find field.");
            }
        }
    }

    private static int integer(JsonNode value, int fallback, String name) {
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?\\d{1,9}"))) {
            return value.asInt();
        }
        throw GoogleApiException.invalid("Invalid value at 'parameters." + name + "' (TYPE_INT32), " + value);
    }
}
