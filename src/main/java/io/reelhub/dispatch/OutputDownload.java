package io.reelhub.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.reelhub.dispatch.ProviderException.Kind;

/**
 * Streams a finished video from the URL a provider gave for it into a file, written complete or not at all (a
 * {@code .part} file moved into place). An expired or vanished URL (403, 404, 410) is NOT_FOUND, so the job fails
 * with that reason and the paid generation is never re-run; a short body or a broken transfer is TRANSIENT and
 * retried as a download.
 */
public final class OutputDownload {

    private final HttpClient http;
    private final Duration timeout;

    public OutputDownload(ProviderHttp http) {
        this(http.client(), http.requestTimeout());
    }

    public OutputDownload(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Downloads {@code url} with the given headers (none for public media URLs); returns the byte count. */
    public long fetch(String url, Map<String, String> headers, Path target) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        } catch (IllegalArgumentException e) {
            throw new ProviderException(Kind.REJECTED, 0, "the provider gave an output URL that is not a URL: "
                    + HttpCalls.excerpt(url));
        }
        builder.header("User-Agent", "ReelHub");
        headers.forEach(builder::header);
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200) {
                    String text = new String(body.readNBytes(2048));
                    if (status == 403 || status == 404 || status == 410) {
                        throw new ProviderException(Kind.NOT_FOUND, status, "the output URL answered HTTP " + status
                                + " (expired or deleted): " + HttpCalls.excerpt(text));
                    }
                    throw new ProviderException(HttpCalls.kindOf(status), status, "output download answered HTTP "
                            + status + ": " + HttpCalls.excerpt(text), HttpCalls.retryAfter(response), null);
                }
                return FileDownload.save(body, response.headers().firstValueAsLong("content-length").orElse(-1),
                        target);
            }
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.TRANSIENT, 0, "download timed out: no answer within "
                    + timeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw FileDownload.interrupted(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.TRANSIENT, 0, "download interrupted", null, e);
        }
    }
}
