package io.reelhub.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where each provider's webhook payload names the job: the payloads are thin, so the hub only learns which job to
 * look at, and then asks the provider itself (the poll), never trusting the payload's status.
 */
final class ProviderJobIds {

    private static final Map<String, List<String>> POINTERS = Map.of(
            "sandbox", List.of("/data/id"),
            "openai-compatible", List.of("/data/id"),
            "replicate", List.of("/id"),
            "gemini", List.of("/name", "/data/name", "/operation/name"));

    private ProviderJobIds() {
    }

    static Optional<String> in(String provider, JsonNode payload) {
        for (String pointer : POINTERS.getOrDefault(provider, List.of("/id", "/data/id"))) {
            JsonNode id = payload.at(pointer);
            if (id.isTextual() && !id.asText().isBlank()) {
                return Optional.of(id.asText());
            }
        }
        return Optional.empty();
    }
}
