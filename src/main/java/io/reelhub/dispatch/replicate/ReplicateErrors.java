package io.reelhub.dispatch.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.dispatch.ProviderCalls;

/** Replicate's errors are RFC 7807 problem+json ({@code title}, {@code detail}, {@code status}); read as one line. */
final class ReplicateErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplicateErrors() {
    }

    static String text(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String title = problem.path("title").asText("");
            String detail = problem.path("detail").asText("");
            if (!title.isEmpty() || !detail.isEmpty()) {
                return title.isEmpty() ? detail : detail.isEmpty() ? title : title + ": " + detail;
            }
        } catch (Exception ignored) {
            // not problem+json: show the start of the body instead
        }
        return ProviderCalls.excerpt(body);
    }
}
