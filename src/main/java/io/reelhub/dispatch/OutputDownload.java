package io.reelhub.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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

    private final String provider;
    private final ProviderHttp http;
    private final Duration timeout;

    /** @param provider the protocol whose outputs these are (its answers are read like its API's) */
    public OutputDownload(String provider, ProviderHttp http) {
        this.provider = provider;
        this.http = http;
        this.timeout = http.requestTimeout();
    }

    /** Downloads {@code url} with the given headers (none for public media URLs); returns the byte count. */
    public long fetch(String url, Map<String, String> headers, Path target) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        } catch (IllegalArgumentException e) {
            throw new ProviderException(Kind.REJECTED, 0, "the provider gave an output URL that is not a URL: "
                    + ProviderCalls.excerpt(url));
        }
        builder.header("User-Agent", "ReelHub");
        headers.forEach(builder::header);
        try {
            HttpResponse<InputStream> response = http.send(provider, builder.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200) {
                    String text = new String(body.readNBytes(2048));
                    if (status == 403 || status == 404 || status == 410) {
                        throw new ProviderException(Kind.NOT_FOUND, status, "the output URL answered HTTP " + status
                                + " (expired or deleted): " + ProviderCalls.excerpt(text));
                    }
                    throw new ProviderException(ProviderCalls.kindOf(status), status, "output download answered HTTP "
                            + status + ": " + ProviderCalls.excerpt(text), ProviderCalls.retryAfter(response), null);
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
