package io.reelhub.dispatch.replicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.GenerationSpec;

/**
 * A generation as a Replicate model's {@code input}. Each model family names its fields its own way (from the
 * models' API pages, PROVIDERS.md §2): Veo and Seedance take an aspect ratio and a resolution tier, Wan a
 * {@code "1280*720"} size, Kling an aspect ratio only; seeds and negative prompts only where the model has them.
 */
final class ReplicateInput {

    private ReplicateInput() {
    }

    /** @param model {@code owner/name}, without a version */
    static ObjectNode of(String model, GenerationSpec spec, ObjectMapper json) {
        ObjectNode input = json.createObjectNode().put("prompt", spec.prompt());
        if (model.startsWith("google/veo-")) {
            input.put("duration", spec.seconds()).put("aspect_ratio", aspectRatio(spec))
                    .put("resolution", tier(spec)).put("generate_audio", spec.audio());
            negative(input, spec);
            seed(input, spec);
        } else if (model.startsWith("bytedance/seedance-")) {
            input.put("duration", spec.seconds()).put("aspect_ratio", aspectRatio(spec)).put("resolution", tier(spec));
            seed(input, spec);
        } else if (model.startsWith("wan-video/")) {
            input.put("duration", spec.seconds()).put("size", spec.width() + "*" + spec.height());
            negative(input, spec);
            seed(input, spec);
        } else if (model.startsWith("kwaivgi/kling-")) {
            input.put("duration", spec.seconds()).put("aspect_ratio", aspectRatio(spec));
            negative(input, spec);
        } else {
            // an unknown family: the fields most Replicate video models share
            input.put("duration", spec.seconds()).put("aspect_ratio", aspectRatio(spec)).put("resolution", tier(spec));
            negative(input, spec);
            seed(input, spec);
        }
        return input;
    }

    static String aspectRatio(GenerationSpec spec) {
        if (spec.width() == spec.height()) {
            return "1:1";
        }
        return spec.width() > spec.height() ? "16:9" : "9:16";
    }

    static String tier(GenerationSpec spec) {
        int shorter = Math.min(spec.width(), spec.height());
        return shorter >= 1080 ? "1080p" : shorter >= 720 ? "720p" : "480p";
    }

    private static void negative(ObjectNode input, GenerationSpec spec) {
        if (spec.negative() != null && !spec.negative().isBlank()) {
            input.put("negative_prompt", spec.negative());
        }
    }

    private static void seed(ObjectNode input, GenerationSpec spec) {
        if (spec.seed() != null) {
            input.put("seed", spec.seed());
        }
    }
}
