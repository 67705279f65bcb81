package io.reelhub.dispatch;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client every provider protocol shares, and the one place every provider answer passes through.
 * {@code java.net.http} never re-sends a request on its own, so each call is exactly one request: a 429 or 503 goes
 * back to the pump, which decides and records what happens next.
 */
@Component
public class ProviderHttp {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration submitTimeout;
    private final ProviderDeprecations deprecations;

    public ProviderHttp(@Value("${reelhub.providers.http.connect-timeout:10s}") Duration connectTimeout,
                        @Value("${reelhub.providers.http.request-timeout:60s}") Duration requestTimeout,
                        @Value("${reelhub.providers.http.submit-timeout:60s}") Duration submitTimeout,
                        ProviderDeprecations deprecations) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
        this.submitTimeout = submitTimeout;
        this.deprecations = deprecations;
    }

    /**
     * Sends one request to {@code provider} (a protocol name) and reads what the answer says about the provider's
     * lifecycle ({@code Deprecation}, {@code Sunset}: {@link ProviderDeprecations}), error answers included.
     */
    public <T> HttpResponse<T> send(String provider, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpResponse<T> response = client.send(request, body);
        deprecations.observe(provider, response.headers());
        return response;
    }

    /** How long a poll or download may wait for the provider's answer (for a download: for its headers). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long a submit may wait for its answer. Kept apart and generous: a submit that times out has an unknown
     * outcome, and a protocol that cannot look its jobs up again (fal, Runway) may pay twice when it is re-sent.
     */
    public Duration submitTimeout() {
        return submitTimeout;
    }
}
