package io.reelhub.sandbox.runway;

import java.util.LinkedHashMap;
import java.util.Map;

import io.reelhub.sandbox.WireError;

/** Runway's error answers: {@code {"error": "..."}}, with the field problems listed under {@code issues}. */
final class RunwayWire {

    static final String PROTOCOL = "runway";
    static final String API_VERSION = "2024-11-06";

    private RunwayWire() {
    }

    static WireError error(int status, String message, Map<String, String> headers, boolean submit) {
        return new WireError(PROTOCOL, status, Map.of("error", message), headers, submit);
    }

    static WireError invalid(String path, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Validation of body failed");
        body.put("issues", java.util.List.of(Map.of("path", java.util.List.of(path), "message", message)));
        return new WireError(PROTOCOL, 400, body, Map.of(), true);
    }
}
