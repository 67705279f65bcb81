package io.reelhub.delivery.http;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The human part of an error answer, whatever the API's error shape: JSON:API-style {@code errors[].detail} or
 * {@code title} (Boords, ShotGrid), {@code error.message}, {@code message} or {@code error}, else the start of the
 * body as text. Kept short: it ends up in a delivery's recorded reason.
 */
final class ErrorDetail {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 200;

    private ErrorDetail() {
    }

    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.UTF_8).strip();
        try {
            JsonNode json = JSON.readTree(text);
            String found = fromJson(json);
            if (found != null && !found.isBlank()) {
                return shorten(found);
            }
        } catch (Exception notJson) {
            // plain text (or a truncated JSON body): shown as it is
        }
        return shorten(text);
    }

    private static String fromJson(JsonNode json) {
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            StringBuilder all = new StringBuilder();
            for (JsonNode error : errors) {
                String one = firstText(error, "detail", "title", "message");
                if (one == null && error.isTextual()) {
                    one = error.asText();
                }
                if (one != null) {
                    all.append(all.isEmpty() ? "" : "; ").append(one);
                }
            }
            return all.toString();
        }
        JsonNode error = json.path("error");
        if (error.isObject()) {
            return firstText(error, "message", "detail", "title");
        }
        return firstText(json, "message", "detail", "error", "title");
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > MAX ? oneLine.substring(0, MAX) + "…" : oneLine;
    }
}
