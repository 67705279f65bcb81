package io.reelhub.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
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
 * One HTTP exchange with a provider, in the hub's terms: exactly one request is sent (through {@link ProviderHttp}),
 * and whatever comes back, or does not, becomes a parsed answer or a {@link ProviderException} of the right kind.
 * Each protocol has one, naming the provider and saying how to read its error envelope. Protocols that read their own
 * error codes take every answer ({@link #exchange}); the others let {@link #send} classify a non-2xx answer by its
 * status.
 */
public final class ProviderCalls {

    private final String provider;
    private final ProviderHttp http;
    private final ObjectMapper json;
    private final UnaryOperator<String> errorText;
    private final Function<String, Duration> bodyRetryHint;

    /** For protocols that read error answers themselves ({@link #exchange}, {@link #errorBody}). */
    public ProviderCalls(String provider, ProviderHttp http, ObjectMapper json) {
        this(provider, http, json, ProviderCalls::excerpt);
    }

    /** @param errorText turns an error body into the sentence worth showing a user (the envelope's message) */
    public ProviderCalls(String provider, ProviderHttp http, ObjectMapper json, UnaryOperator<String> errorText) {
        this(provider, http, json, errorText, body -> null);
    }

    /**
     * @param bodyRetryHint how long the error body asks to wait, for protocols that say it there rather than in
     *                      {@code Retry-After} (Google's {@code RetryInfo.retryDelay}); null when it does not say
     */
    public ProviderCalls(String provider, ProviderHttp http, ObjectMapper json, UnaryOperator<String> errorText,
                         Function<String, Duration> bodyRetryHint) {
        this.provider = provider;
        this.http = http;
        this.json = json;
        this.errorText = errorText;
        this.bodyRetryHint = bodyRetryHint;
    }

    /** Sends one request; every HTTP answer comes back, transport failures are TRANSIENT (unknown outcome). */
    public HttpResponse<byte[]> exchange(HttpRequest request, String what) {
        return transfer(request, HttpResponse.BodyHandlers.ofByteArray(), what);
    }

    /** Sends the request once; a non-2xx answer is thrown as a classified {@link ProviderException}. */
    public HttpResponse<byte[]> send(HttpRequest request, String what) {
        HttpResponse<byte[]> response = exchange(request, what);
        if (response.statusCode() / 100 != 2) {
            throw failure(response.statusCode(), new String(response.body()), what,
                    response.headers().firstValue("retry-after").orElse(null));
        }
        return response;
    }

    /** Sends the request once and returns the parsed JSON of a 2xx answer. */
    public JsonNode json(HttpRequest request, String what) {
        return parse(send(request, what), what);
    }

    /** Sends the request once and hands over a 2xx body as a stream, for answers too large to hold in memory. */
    public HttpResponse<InputStream> stream(HttpRequest request, String what) {
        HttpResponse<InputStream> response = transfer(request, HttpResponse.BodyHandlers.ofInputStream(), what);
        if (response.statusCode() / 100 != 2) {
            try (InputStream error = response.body()) {
                throw failure(response.statusCode(), new String(error.readNBytes(8192)), what,
                        response.headers().firstValue("retry-after").orElse(null));
            } catch (IOException e) {
                throw new ProviderException(kindOf(response.statusCode()), response.statusCode(), what
                        + " refused with HTTP " + response.statusCode(), null, e);
            }
        }
        return response;
    }

    /**
     * Streams a 200 answer into {@code target} ({@link FileDownload#save}: complete or not at all); returns the byte
     * count. A refusal is classified as any other answer (a 404 is NOT_FOUND: the output is gone).
     */
    public long download(HttpRequest request, Path target) {
        HttpResponse<InputStream> response = stream(request, "download");
        try (InputStream body = response.body()) {
            return FileDownload.save(body, response.headers().firstValueAsLong("content-length").orElse(-1), target);
        } catch (IOException e) {
            throw FileDownload.interrupted(e);
        }
    }

    private <T> HttpResponse<T> transfer(HttpRequest request, HttpResponse.BodyHandler<T> body, String what) {
        try {
            return http.send(provider, request, body);
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.TRANSIENT, 0, what + " timed out: no answer within "
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

    /** The answer's JSON; a body that is not JSON is a TRANSIENT failure (a proxy's error page, a cut answer). */
    public JsonNode parse(HttpResponse<byte[]> response, String what) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, response.statusCode(),
                    what + " answer is not JSON: " + excerpt(new String(response.body())), null, e);
        }
    }

    /** The JSON of an error answer, or an empty object when it has none. */
    public JsonNode errorBody(HttpResponse<byte[]> response) {
        try {
            JsonNode tree = json.readTree(response.body());
            return tree == null || tree.isMissingNode() ? json.createObjectNode() : tree;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Classifies an error answer by its status ({@link #kindOf}), worded with the protocol's error text. */
    public ProviderException failure(int status, String body, String what, String retryAfter) {
        String message = what + " refused with HTTP " + status + ": " + errorText.apply(body);
        Kind kind = kindOf(status);
        Duration wait = retryAfter(retryAfter);
        if (kind == Kind.RATE_LIMITED && wait == null) {
            wait = bodyRetryHint.apply(body);
        }
        return new ProviderException(kind, status, message, kind == Kind.REJECTED || kind == Kind.NOT_FOUND ? null
                : wait, null);
    }

    public ObjectMapper json() {
        return json;
    }

    /** The timeout of polls, reads and downloads ({@link ProviderHttp#requestTimeout()}). */
    public Duration timeout() {
        return http.requestTimeout();
    }

    /** The timeout of submits ({@link ProviderHttp#submitTimeout()}). */
    public Duration submitTimeout() {
        return http.submitTimeout();
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

    /** {@code Retry-After} of an answer as seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(HttpResponse<?> response) {
        return retryAfter(response.headers().firstValue("retry-after").orElse(null));
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
