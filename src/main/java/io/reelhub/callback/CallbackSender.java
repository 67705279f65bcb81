package io.reelhub.callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import io.reelhub.webhooks.StandardWebhookSignature;

/**
 * Makes one signed POST of a callback and reports how it went. Exactly one request per call: no redirects are
 * followed (a redirect could lead to an address the allowlist refuses) and nothing is retried here; waiting and
 * trying again is the outbox's business. The receiver's body is never read.
 */
@Component
class CallbackSender {

    static final String USER_AGENT = "ReelHub-Webhooks/1";

    private final HttpClient http;
    private final SigningSecret secret;
    private final CallbackAllowlist allowlist;
    private final Clock clock;
    private final Duration timeout;

    @Autowired
    CallbackSender(SigningSecret secret, CallbackAllowlist allowlist, Clock clock, CallbackProperties properties) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build(), secret, allowlist, clock, properties.timeout());
    }

    CallbackSender(HttpClient http, SigningSecret secret, CallbackAllowlist allowlist, Clock clock,
                   Duration timeout) {
        this.http = http;
        this.secret = secret;
        this.allowlist = allowlist;
        this.clock = clock;
        this.timeout = timeout;
    }

    CallbackAttempt send(Callback callback) {
        int attempt = callback.attempts() + 1;
        Instant at = clock.instant();
        long started = System.nanoTime();
        URI url;
        try {
            url = URI.create(callback.url());
        } catch (IllegalArgumentException e) {
            return new CallbackAttempt(attempt, at, null, "not sent: the URL is not valid", 0);
        }
        Optional<String> refusal = allowlist.refusal(url);
        if (refusal.isPresent()) {
            return new CallbackAttempt(attempt, at, null, "not sent: " + refusal.get(), elapsed(started));
        }
        byte[] body = callback.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", callback.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", new StandardWebhookSignature(secret.key()).sign(callback.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return new CallbackAttempt(attempt, at, status,
                    status / 100 == 2 ? null : "the receiver answered HTTP " + status, elapsed(started));
        } catch (IOException e) {
            return new CallbackAttempt(attempt, at, null, describe(e), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallbackAttempt(attempt, at, null, "interrupted while sending (the hub is stopping)",
                    elapsed(started));
        }
    }

    private static String describe(IOException e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "HttpConnectTimeoutException" -> "could not connect in time";
            case "HttpTimeoutException" -> "no answer in time";
            case "ConnectException" -> "connection refused or unreachable";
            default -> e.getClass().getSimpleName();
        };
        return e.getMessage() == null || e.getMessage().isBlank() ? kind : kind + ": " + e.getMessage();
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
