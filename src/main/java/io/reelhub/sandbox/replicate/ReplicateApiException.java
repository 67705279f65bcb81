package io.reelhub.sandbox.replicate;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Replicate API refusal: RFC 7807 problem+json ({@code title}, {@code detail}, {@code status}) plus headers. */
public class ReplicateApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public ReplicateApiException(int status, String title, String detail, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    static ReplicateApiException invalid(String detail) {
        return new ReplicateApiException(422, "Input validation failed", detail, Map.of());
    }

    static ReplicateApiException notFound(String detail) {
        return new ReplicateApiException(404, "Not found", detail, Map.of());
    }

    static ReplicateApiException throttled(int retryAfterSeconds) {
        return new ReplicateApiException(429, "Request was throttled", "Request was throttled. Your rate limit "
                + "resets in ~" + retryAfterSeconds + "s.", Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    static ReplicateApiException server(int status) {
        return new ReplicateApiException(status, status == 503 ? "Service Unavailable" : "Internal Server Error",
                "Something went wrong on our end. Please try again.", Map.of());
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> body() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("detail", getMessage());
        problem.put("status", status);
        return problem;
    }
}
