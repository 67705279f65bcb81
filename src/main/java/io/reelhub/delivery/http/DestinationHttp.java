package io.reelhub.delivery.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP client of the storyboard, tracker and review-tool connectors. {@code java.net.http} never re-sends a
 * request by itself, so every request is one the connector decided to make, and the hub's delivery retries are the
 * only retries. Every request carries a timeout (ShotGrid users' first complaint about uploads was that they had
 * none and hung), and every failure becomes a {@link DestinationCallException} that names the destination and the
 * endpoint without its query string or headers, where signatures and keys live.
 */
public final class DestinationHttp {

    /** How long to wait for a TCP (and TLS) connection to a destination. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final boolean showPaths;

    /** A client whose messages show the endpoints' paths (an API's paths hold ids, not secrets). */
    public DestinationHttp() {
        this(CONNECT_TIMEOUT, true);
    }

    /**
     * A client whose messages show only scheme, host and port: for a URL an integrator configures, whose path may
     * itself be the secret (as a webhook URL's often is).
     */
    public static DestinationHttp hidingPaths() {
        return new DestinationHttp(CONNECT_TIMEOUT, false);
    }

    private DestinationHttp(Duration connectTimeout, boolean showPaths) {
        this.showPaths = showPaths;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // an API that redirects a POST is misconfigured; following it could send a body elsewhere
                .followRedirects(HttpClient.Redirect.NEVER)
                // small API servers and emulators: no h2c upgrade dance on plain http
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Sends {@code request} (which must carry its own timeout) and returns the answer whatever its status.
     *
     * @param destination the destination's name, for messages
     * @throws DestinationCallException when no answer came (refused, reset, timed out)
     */
    public HttpResponse<byte[]> send(String destination, HttpRequest request) {
        if (request.timeout().isEmpty()) {
            throw new IllegalArgumentException("a request to a destination needs a timeout: " + shown(request));
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw failed(destination, request, "could not connect within " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw failed(destination, request, "got no answer within "
                    + request.timeout().map(Duration::toSeconds).orElse(0L) + " s");
        } catch (ConnectException e) {
            throw failed(destination, request, "could not connect (" + (e.getMessage() == null
                    ? "connection refused" : e.getMessage()) + "); is it down?");
        } catch (IOException e) {
            throw failed(destination, request, "failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(destination, request, "was interrupted");
        }
    }

    /**
     * Sends {@code request} and returns the body of a 2xx answer.
     *
     * @throws DestinationCallException for any other answer, with the API's own error text
     */
    public byte[] expectSuccess(String destination, HttpRequest request) {
        HttpResponse<byte[]> response = send(destination, request);
        if (response.statusCode() / 100 != 2) {
            throw refused(destination, request, response);
        }
        return response.body();
    }

    /** The failure for an answer that is not the one expected. */
    public DestinationCallException refused(String destination, HttpRequest request,
                                                   HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String detail = ErrorDetail.of(response.body());
        String hint = status == 401 || status == 403 ? " (check the destination's credentials in the environment)"
                : "";
        return new DestinationCallException(destination + ": " + shown(request) + " answered " + status
                + (detail.isEmpty() ? "" : ": " + detail) + hint, status);
    }

    private DestinationCallException failed(String destination, HttpRequest request, String what) {
        return new DestinationCallException(destination + ": " + shown(request) + " " + what, 0);
    }

    private String shown(HttpRequest request) {
        return showPaths ? describe(request) : request.method() + " " + origin(request.uri());
    }

    /** {@code POST https://host:port/path}: never the query or the headers. */
    public static String describe(HttpRequest request) {
        return request.method() + " " + withoutQuery(request.uri());
    }

    public static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + Optional.ofNullable(uri.getRawPath()).orElse("");
    }

    /** {@code https://host:port}: for receipts of destinations whose URL path may hold a secret. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    /** Parses a configured http(s) URL without ever repeating it in the error (it may hold a token). */
    public static URI httpUrl(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required: the destination's http(s) URL");
        }
        try {
            URI uri = URI.create(value.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not a valid http(s) URL");
        }
    }
}
