package io.reelhub.sandbox.gemini;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Veo model ids the sandbox's Gemini and Vertex protocols serve ({@code reelhub.sandbox.veo.*}).
 *
 * @param models  ids accepted on {@code :predictLongRunning}
 * @param retired ids answered with the Gemini API's 404 "is no longer available" (the preview ids shut down on
 *                2026-10-22)
 */
@ConfigurationProperties(prefix = "reelhub.sandbox.veo")
public record VeoSandboxModels(
        @DefaultValue({"veo-3.1-generate-001", "veo-3.1-fast-generate-001"}) List<String> models,
        @DefaultValue({"veo-3.1-generate-preview", "veo-3.1-fast-generate-preview", "veo-3.1-lite-generate-preview",
                "veo-3.0-generate-001", "veo-3.0-fast-generate-001", "veo-2.0-generate-001"}) List<String> retired) {

    public VeoSandboxModels {
        models = models == null ? List.of() : List.copyOf(models);
        retired = retired == null ? List.of() : List.copyOf(retired);
    }

    void check(String model) {
        if (retired.contains(model)) {
            throw GoogleApiException.notFound("models/" + model + " is no longer available. Please use a newer model.");
        }
        if (!models.contains(model)) {
            throw GoogleApiException.notFound("models/" + model + " is not found for API version v1beta, or is not "
                    + "supported for predictLongRunning. Call ListModels to see the list of available models and "
                    + "their supported methods.");
        }
    }
}
