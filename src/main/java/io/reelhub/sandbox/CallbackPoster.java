package io.reelhub.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends the sandbox's webhooks and callbacks (fal, Kling) from its own thread, as a provider does from its own
 * servers: a POST of JSON, tried again a few times a second apart while the receiver answers an error or cannot be
 * reached (fal retries for about two hours; the sandbox does not need to), then given up and logged.
 */
@Component
@ConditionalOnSandboxEnabled
public class CallbackPoster implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackPoster.class);
    private static final int ATTEMPTS = 3;
    private static final Duration BETWEEN = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService senders = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-callbacks");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues one POST of {@code body} to {@code url} with {@code headers}. */
    public void post(String url, Map<String, String> headers, byte[] body) {
        senders.execute(() -> attempt(url, headers, body, 1));
    }

    private void attempt(String url, Map<String, String> headers, byte[] body, int attempt) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return;
            }
            retry(url, headers, body, attempt, "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            retry(url, headers, body, attempt, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(String url, Map<String, String> headers, byte[] body, int attempt, String why) {
        if (attempt >= ATTEMPTS) {
            LOG.warn("Sandbox gave up a callback to {} after {} attempts: {}", url, attempt, why);
            return;
        }
        senders.schedule(() -> attempt(url, headers, body, attempt + 1), BETWEEN.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
