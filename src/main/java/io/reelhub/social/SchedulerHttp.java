package io.reelhub.social;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON POST to a scheduler's API and nothing more: {@code java.net.http} never re-sends a POST by itself, so
 * each call the hub decides to make is exactly one request, bounded by explicit connect and answer timeouts. What
 * went wrong is sorted by what it means for the post: no connection means nothing was sent ({@code REFUSED}); a
 * timeout or a connection lost after sending means the post may exist ({@code UNKNOWN}). Messages name only the
 * URL's scheme, host and port, never its path, query or the credentials.
 */
public final class SchedulerHttp {

    /** An answer with any status. */
    public record Answer(int status, String body, Map<String, List<String>> headers) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The body cut for an error message. */
        public String excerpt() {
            String text = body == null ? "" : body.strip();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    private final HttpClient http;
    private final Duration requestTimeout;

    public SchedulerHttp(Duration connectTimeout, Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * POSTs {@code json} to {@code uri}.
     *
     * @param what names the call in messages ({@code Buffer createPost})
     * @throws SchedulerException REFUSED when no connection was made, UNKNOWN when the request may have arrived
     */
    public Answer postJson(URI uri, byte[] json, Map<String, String> headers, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .header("accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        String target = what + " at " + safeName(uri);
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (HttpConnectTimeoutException e) {
            throw SchedulerException.refused(target + ": no connection within the connect timeout; nothing was sent");
        } catch (ConnectException e) {
            throw SchedulerException.refused(target + ": connection refused; nothing was sent");
        } catch (HttpTimeoutException e) {
            throw SchedulerException.unknown(target + ": no answer within " + requestTimeout.toSeconds()
                    + " s; the post may have been created");
        } catch (IOException e) {
            throw SchedulerException.unknown(target + " failed after sending (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "); the post may have been created");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SchedulerException.unknown(target + " was interrupted; the post may have been created");
        }
    }

    /** A base URL with the API path appended, checked to be http(s). */
    public static URI endpoint(String baseUrl, String path, String setting) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(setting + " is not set");
        }
        String base = baseUrl.strip();
        URI uri;
        try {
            uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not a valid URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " is not an http(s) URL");
        }
        return uri;
    }

    static String safeName(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /** Seconds from a {@code Retry-After} header (seconds only; a date is read as "not said"). */
    public static Duration retryAfter(Answer answer) {
        return answer.header("retry-after").map(String::strip).filter(v -> v.matches("\\d{1,7}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }
}
