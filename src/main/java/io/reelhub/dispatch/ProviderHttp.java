package io.reelhub.dispatch;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The one HTTP client every provider protocol shares. {@code java.net.http} never re-sends a request on its own, so
 * each call is exactly one request: a 429 or 503 goes back to the pump, which decides and records what happens next.
 */
@Component
public class ProviderHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public HttpClient client() {
        return client;
    }
}
