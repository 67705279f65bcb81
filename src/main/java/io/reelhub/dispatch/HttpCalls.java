package io.reelhub.dispatch;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.dispatch.ProviderException.Kind;

/**
 * One request to a provider's JSON API, with transport trouble (timeouts, resets, an answer that is not JSON) turned
 * into {@link ProviderException}s the pump understands. What an error status means is the protocol's business:
 * {@link #send} returns every answer, and {@link #kindOf} gives the usual reading of a status.
 */
public final class HttpCalls {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Duration submitTimeout;

    public HttpCalls(ProviderHttp http, ObjectMapper json) {
        this(http.client(), json, http.requestTimeout(), http.submitTimeout());
    }

    public HttpCalls(HttpClient http, ObjectMapper json, Duration timeout, Duration submitTimeout) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.submitTimeout = submitTimeout;
    }

    public HttpClient client() {
        return http;
    }

    /** The timeout of polls and reads. */
    public Duration timeout() {
        return timeout;
    }

    /** The timeout of submits (see {@link ProviderHttp#submitTimeout()}). */
    public Duration submitTimeout() {
        return submitTimeout;
    }

    /** Sends one request; every HTTP answer comes back, transport failures are TRANSIENT (unknown outcome). */
    public HttpResponse<byte[]> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.TRANSIENT, 0, what + " timed out: no answer within "
                    + request.timeout().orElse(timeout).toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, 0, what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.TRANSIENT, 0, what + " interrupted", null, e);
        }
    }

    /** The answer's JSON; a body that is not JSON is a TRANSIENT failure (a proxy's error page, a cut answer). */
    public JsonNode parse(HttpResponse<byte[]> response, String what) {
        try {
            JsonNode tree = json.readTree(response.body());
            if (tree == null || tree.isMissingNode()) {
                throw new IOException("empty body");
            }
            return tree;
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, response.statusCode(),
                    what + " answer is not JSON: " + excerpt(new String(response.body())), null, e);
        }
    }

    /** The JSON of an error answer, or an empty object when it has none. */
    public JsonNode errorBody(HttpResponse<byte[]> response) {
        try {
            JsonNode tree = json.readTree(response.body());
            return tree == null ? json.createObjectNode() : tree;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    public ObjectMapper json() {
        return json;
    }

    /** The usual reading of an error status: 429 wait, 404 gone, 408/409/5xx try again, other 4xx refused. */
    public static Kind kindOf(int status) {
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status == 408 || status == 409 || status >= 500 || status == 0) {
            return Kind.TRANSIENT;
        }
        return Kind.REJECTED;
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(HttpResponse<?> response) {
        String header = response.headers().firstValue("retry-after").orElse(null);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    public static String excerpt(Object body) {
        String text = String.valueOf(body);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
