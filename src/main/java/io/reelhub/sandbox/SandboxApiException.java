package io.reelhub.sandbox;

import java.util.Map;

/**
 * An answer other than success, as the OpenAI API would give it: an HTTP status, the error envelope's fields and
 * any extra headers (such as {@code Retry-After}).
 */
public class SandboxApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Map<String, String> headers;

    public SandboxApiException(int status, String type, String param, String code, String message,
                               Map<String, String> headers) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    static SandboxApiException invalidRequest(String param, String code, String message) {
        return new SandboxApiException(400, "invalid_request_error", param, code, message, Map.of());
    }

    static SandboxApiException invalidValue(String param, String message) {
        return invalidRequest(param, "invalid_value", message);
    }

    static SandboxApiException notFound(String code, String message) {
        return new SandboxApiException(404, "invalid_request_error", null, code, message, Map.of());
    }

    static SandboxApiException unauthorized(String code, String message) {
        return new SandboxApiException(401, "invalid_request_error", null, code, message, Map.of());
    }

    static SandboxApiException serverError(int status) {
        String message = status == 503
                ? "The server is overloaded or not ready yet. Please try again later."
                : "The server had an error while processing your request. Sorry about that!";
        return new SandboxApiException(status, "server_error", null, null, message, Map.of());
    }

    static SandboxApiException rateLimited(int retryAfterSeconds) {
        // OpenAI SDKs read retry-after-ms first, then Retry-After; send both so every client backs off alike.
        return new SandboxApiException(429, "requests", null, "rate_limit_exceeded",
                "Rate limit reached for video generation requests. Please try again in " + retryAfterSeconds + "s.",
                Map.of("Retry-After", String.valueOf(retryAfterSeconds),
                        "retry-after-ms", String.valueOf(retryAfterSeconds * 1000L)));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ApiError toApiError() {
        return new ApiError(new ApiError.Body(getMessage(), type, param, code));
    }
}
