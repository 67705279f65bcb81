package io.reelhub.delivery.notice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one JSON POST and nothing more: {@code java.net.http} does not re-send a POST by itself, so every attempt
 * the hub decides to make is exactly one request (a 429 or 503 is the hub's to retry, never a hidden re-send).
 * Messages name only the URL's scheme, host and port, because webhook URLs often carry their secret in the path.
 */
final class NoticePoster {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int BODY_IN_ERRORS = 200;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            // webhook receivers are often small servers; no h2c upgrade dance on plain http
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** @return the receipt recorded as the destination's output, e.g. {@code POST https://host → 200} */
    String post(String url, byte[] json, Map<String, String> headers) {
        URI uri = parse(url);
        String target = safeName(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new NoticeFailedException("POST to " + target + " timed out");
        } catch (IOException e) {
            throw new NoticeFailedException("POST to " + target + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoticeFailedException("POST to " + target + " was interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new NoticeFailedException("POST to " + target + " answered " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > BODY_IN_ERRORS
                    ? body.substring(0, BODY_IN_ERRORS) + "…" : body)));
        }
        return "POST " + target + " → " + response.statusCode();
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no URL to POST to");
        }
        try {
            URI uri = URI.create(url.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            // the URL itself is never repeated: it may hold a secret
            throw new IllegalArgumentException("the configured URL is not a valid http(s) URL");
        }
    }

    static String safeName(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
