package io.reelhub.dispatch.gemini;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.dispatch.ProviderCalls;

/** Google's error envelope, {@code {"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED"}}}, as one line. */
final class GoogleErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleErrors() {
    }

    static String text(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isObject()) {
                String status = error.path("status").asText("");
                return (status.isEmpty() ? "" : status + ": ") + error.path("message").asText("");
            }
        } catch (Exception ignored) {
            // not the envelope (a proxy's HTML page, say): show the start of the body instead
        }
        return ProviderCalls.excerpt(body);
    }

    /** {@code google.rpc.RetryInfo.retryDelay} ("30s", "1.5s") from the error's details; null when absent. */
    static Duration retryDelay(String body) {
        try {
            for (JsonNode detail : JSON.readTree(body).path("error").path("details")) {
                String delay = detail.path("retryDelay").asText("");
                if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo") && delay.endsWith("s")) {
                    double seconds = Double.parseDouble(delay.substring(0, delay.length() - 1));
                    return Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
                }
            }
        } catch (Exception ignored) {
            // no readable hint: the pump backs off on its own
        }
        return null;
    }
}
