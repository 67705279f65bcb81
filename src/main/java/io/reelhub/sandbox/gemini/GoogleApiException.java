package io.reelhub.sandbox.gemini;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer in Google's envelope, {@code {"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED",
 * "details":[…]}}}, as the Gemini API and Vertex give it.
 */
public class GoogleApiException extends RuntimeException {

    private final int httpStatus;
    private final String status;
    private final List<Map<String, Object>> details;

    public GoogleApiException(int httpStatus, String status, String message, List<Map<String, Object>> details) {
        super(message);
        this.httpStatus = httpStatus;
        this.status = status;
        this.details = List.copyOf(details);
    }

    static GoogleApiException invalid(String message) {
        return new GoogleApiException(400, "INVALID_ARGUMENT", message, List.of());
    }

    static GoogleApiException notFound(String message) {
        return new GoogleApiException(404, "NOT_FOUND", message, List.of());
    }

    static GoogleApiException exhausted(int retryAfterSeconds) {
        // Google says when to come back in a RetryInfo detail, not in a Retry-After header
        return new GoogleApiException(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).",
                List.of(Map.of("@type", "type.googleapis.com/google.rpc.RetryInfo",
                        "retryDelay", retryAfterSeconds + "s")));
    }

    static GoogleApiException server(int httpStatus) {
        return switch (httpStatus) {
            case 503 -> new GoogleApiException(503, "UNAVAILABLE", "The service is currently unavailable.", List.of());
            case 504 -> new GoogleApiException(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could "
                    + "complete.", List.of());
            default -> new GoogleApiException(httpStatus, "INTERNAL", "An internal error has occurred. Please retry "
                    + "or report in https://developers.generativeai.google/guide/troubleshooting", List.of());
        };
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The envelope as written on the wire. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", httpStatus);
        error.put("message", getMessage());
        error.put("status", status);
        if (!details.isEmpty()) {
            error.put("details", details);
        }
        return Map.of("error", error);
    }
}
