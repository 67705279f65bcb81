package io.reelhub.dispatch;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.dispatch.ProviderException.Kind;

/**
 * One HTTP exchange with a provider, in the hub's terms: exactly one request is sent, and whatever comes back (or
 * does not) becomes a parsed answer or a {@link ProviderException} of the right kind. Each protocol passes how to
 * read its own error envelope.
 */
public final class ProviderCalls {

    private final HttpClient http;
    private final ObjectMapper json;
    private final UnaryOperator<String> errorText;
    private final Function<String, Duration> bodyRetryHint;

    /** @param errorText turns an error body into the sentence worth showing a user (the envelope's message) */
    public ProviderCalls(HttpClient http, ObjectMapper json, UnaryOperator<String> errorText) {
        this(http, json, errorText, body -> null);
    }

    /**
     * @param bodyRetryHint how long the error body asks to wait, for protocols that say it there rather than in
     *                      {@code Retry-After} (Google's {@code RetryInfo.retryDelay}); null when it does not say
     */
    public ProviderCalls(HttpClient http, ObjectMapper json, UnaryOperator<String> errorText,
                         Function<String, Duration> bodyRetryHint) {
        this.http = http;
        this.json = json;
        this.errorText = errorText;
        this.bodyRetryHint = bodyRetryHint;
    }

    /** Sends the request once and returns the parsed JSON of a 2xx answer. */
    public JsonNode json(HttpRequest request, String what) {
        return parse(send(request, what), what);
    }

    /** Sends the request once; a non-2xx answer is thrown as a classified {@link ProviderException}. */
    public HttpResponse<byte[]> send(HttpRequest request, String what) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw failure(response.statusCode(), new String(response.body()), what,
                        response.headers().firstValue("retry-after").orElse(null));
            }
            return response;
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.TRANSIENT, 0, what + " timed out after "
                    + request.timeout().map(t -> t.toMillis() + " ms").orElse("the client's timeout")
                    + " (the provider may still have acted on it)", null, e);
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, 0, what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.TRANSIENT, 0, what + " interrupted", null, e);
        }
    }

    public JsonNode parse(HttpResponse<byte[]> response, String what) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, response.statusCode(),
                    what + " answer is not valid JSON: " + excerpt(new String(response.body())), null, e);
        }
    }

    /** Classifies an error answer: 429 waits, 404 is gone, 408/409/5xx are worth another try, other 4xx final. */
    public ProviderException failure(int status, String body, String what, String retryAfter) {
        String message = what + " refused with HTTP " + status + ": " + errorText.apply(body);
        if (status == 429) {
            Duration wait = retryAfter(retryAfter);
            return new ProviderException(Kind.RATE_LIMITED, status, message,
                    wait != null ? wait : bodyRetryHint.apply(body), null);
        }
        if (status == 404) {
            return new ProviderException(Kind.NOT_FOUND, status, message);
        }
        if (status == 408 || status == 409 || status >= 500) {
            return new ProviderException(Kind.TRANSIENT, status, message, retryAfter(retryAfter), null);
        }
        return new ProviderException(Kind.REJECTED, status, message);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    public static String excerpt(Object body) {
        String text = String.valueOf(body);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
