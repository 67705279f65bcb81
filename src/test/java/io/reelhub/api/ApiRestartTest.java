package io.reelhub.api;

import static io.reelhub.api.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.reelhub.ReelHubApplication;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.support.TempHome;

/**
 * A restart between a client's request and its retry, and between a failed callback attempt and the next: two hub
 * contexts in turn on one home stand for the process before and after. The retry gets the first answer, the
 * callback resumes from the outbox with the same webhook-id, and it is signed with the secret kept at first start.
 */
class ApiRestartTest {

    private static final String HOOK = "/hooks/restart";

    private final Path home = TempHome.create("api-restart");

    @Test
    void anIdempotentRetryAndAPendingCallbackSurviveARestart() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = ApiClient.example("neon-street.yaml").replace("id: neon-street", "id: restart-spot");
        try (WebhookReceiver receiver = WebhookReceiver.started()) {
            receiver.answer(HOOK, Collections.nCopies(1000, 503).toArray(Integer[]::new));
            body += "callback: " + receiver.url(HOOK) + "\n";
            String jobId;
            String webhookId;
            try (ConfigurableApplicationContext before = start()) {
                ApiClient api = new ApiClient(port(before));
                HttpResponse<String> first = api.postBrief("application/yaml", body, "Idempotency-Key", key);
                assertThat(first.statusCode()).isEqualTo(202);
                jobId = json(first).path("id").asText();
                api.awaitJobState(jobId, "DELIVERED");
                await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.receivedOn(HOOK).isEmpty());
                webhookId = receiver.receivedOn(HOOK).get(0).header("webhook-id");
            }
            Path secretFile = home.resolve("secrets/callback-signing-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                    .isEqualTo("rw-------");
            receiver.reset(HOOK);
            int attemptsBefore = receiver.receivedOn(HOOK).size();

            try (ConfigurableApplicationContext after = start()) {
                ApiClient api = new ApiClient(port(after));
                HttpResponse<String> retry = api.postBrief("application/yaml", body, "Idempotency-Key", key);

                assertThat(retry.statusCode()).isEqualTo(200);
                assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
                assertThat(json(retry).path("id").asText()).isEqualTo(jobId);
                assertThat(after.getBean(SandboxCounters.class).snapshot().totalSubmissions()).isEqualTo(1);

                await().atMost(Duration.ofSeconds(30)).until(() -> api.getJson("/api/jobs/" + jobId + "/callbacks")
                        .path(0).path("state").asText().equals("DELIVERED"));
                WebhookReceiver.Received delivered = receiver.receivedOn(HOOK).get(
                        receiver.receivedOn(HOOK).size() - 1);
                assertThat(receiver.receivedOn(HOOK).size()).isGreaterThan(attemptsBefore);
                assertThat(receiver.receivedOn(HOOK)).extracting(r -> r.header("webhook-id")).containsOnly(webhookId);
                String secret = Files.readString(secretFile).trim();
                assertThat(new StandardWebhooksVerifier(secret).verify(delivered.header("webhook-id"),
                        delivered.header("webhook-timestamp"), delivered.header("webhook-signature"),
                        delivered.body())).isTrue();
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ReelHubApplication.class).run(
                "--server.port=0",
                "--reelhub.home=" + home,
                "--reelhub.sandbox.render-time=0s",
                "--reelhub.sandbox.poll-after=100ms",
                "--reelhub.dispatch.tick=100ms",
                "--reelhub.dispatch.min-poll-interval=50ms",
                "--reelhub.callbacks.allowed-hosts=127.0.0.1",
                "--reelhub.callbacks.allow-private=true",
                "--reelhub.callbacks.tick=100ms",
                "--reelhub.callbacks.retry-base=300ms",
                "--reelhub.callbacks.retry-max=1s",
                "--reelhub.callbacks.max-attempts=1000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
