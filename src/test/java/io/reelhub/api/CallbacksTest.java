package io.reelhub.api;

import static io.reelhub.api.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * The result webhook as a creative tool receives it: signed so that an independent Standard Webhooks check passes,
 * retried with the same id until the receiver answers 2xx, and sent once per brief, for its parent job.
 */
@HubTest
class CallbacksTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final WebhookReceiver RECEIVER = WebhookReceiver.started();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", TempHome.create("callbacks")::toString);
        registry.add("reelhub.callbacks.secret", () -> SECRET);
        registry.add("reelhub.callbacks.allowed-hosts", () -> "127.0.0.1");
        // the receiver runs on this machine
        registry.add("reelhub.callbacks.allow-private", () -> "true");
        registry.add("reelhub.callbacks.tick", () -> "100ms");
        registry.add("reelhub.callbacks.retry-base", () -> "200ms");
        registry.add("reelhub.callbacks.retry-max", () -> "1s");
        registry.add("reelhub.callbacks.max-attempts", () -> "4");
    }

    @LocalServerPort
    int port;

    private ApiClient api;
    private final StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(SECRET);

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aDeliveredJobIsPostedToItsCallbackSignedSoThatTheReceiverCanVerifyIt() throws Exception {
        String jobId = post("signed-spot", "/hooks/signed");
        api.awaitJobState(jobId, "DELIVERED");
        WebhookReceiver.Received hook = awaitCalls("/hooks/signed", 1).get(0);

        assertThat(verifier.verify(hook.header("webhook-id"), hook.header("webhook-timestamp"),
                hook.header("webhook-signature"), hook.body())).isTrue();
        byte[] tampered = new String(hook.body(), StandardCharsets.UTF_8).replace("DELIVERED", "FAILED")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(hook.header("webhook-id"), hook.header("webhook-timestamp"),
                hook.header("webhook-signature"), tampered)).isFalse();

        assertThat(hook.header("webhook-id")).matches("msg_[0-9a-f]{32}");
        assertThat(hook.header("webhook-signature")).startsWith("v1,");
        assertThat(hook.header("content-type")).isEqualTo("application/json");
        JsonNode event = ApiClient.JSON.readTree(hook.body());
        assertThat(event.path("type").asText()).isEqualTo("job.delivered");
        assertThat(event.path("timestamp").asText()).isNotBlank();
        JsonNode data = event.path("data");
        assertThat(data.path("jobId").asText()).isEqualTo(jobId);
        assertThat(data.path("briefId").asText()).isEqualTo("signed-spot");
        assertThat(data.path("version").asText()).isEqualTo("v001");
        assertThat(data.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(data.has("error")).isTrue();
        assertThat(data.path("error").isNull()).isTrue();
        assertThat(data.path("outputs")).extracting(JsonNode::asText).anyMatch(o -> o.endsWith(".mp4"));
        assertThat(data.path("createdAt").asText()).isNotBlank();
        assertThat(data.path("endedAt").asText()).isNotBlank();
    }

    @Test
    void aReceiverFailingTwiceGetsTheSameWebhookIdThreeTimesAndTheCallbackEndsDelivered() throws Exception {
        RECEIVER.answer("/hooks/flaky", 500, 500);
        String jobId = post("flaky-spot", "/hooks/flaky");
        api.awaitJobState(jobId, "DELIVERED");
        List<WebhookReceiver.Received> calls = awaitCalls("/hooks/flaky", 3);

        assertThat(calls).extracting(c -> c.header("webhook-id")).containsOnly(calls.get(0).header("webhook-id"));
        assertThat(calls).extracting(c -> new String(c.body(), StandardCharsets.UTF_8))
                .containsOnly(new String(calls.get(0).body(), StandardCharsets.UTF_8));
        for (WebhookReceiver.Received call : calls) {
            assertThat(verifier.verify(call.header("webhook-id"), call.header("webhook-timestamp"),
                    call.header("webhook-signature"), call.body())).isTrue();
        }
        JsonNode callback = awaitCallbackState(jobId, "DELIVERED");
        assertThat(callback.path("id").asText()).isEqualTo(calls.get(0).header("webhook-id"));
        assertThat(callback.path("attemptCount").asInt()).isEqualTo(3);
        assertThat(callback.path("attempts").findValuesAsText("statusCode")).containsExactly("500", "500", "200");
        assertThat(callback.path("host").asText()).isEqualTo("127.0.0.1");
        assertThat(callback.path("deliveredAt").asText()).isNotBlank();
    }

    @Test
    void aReceiverThatNeverSucceedsIsGivenUpAfterTheConfiguredAttempts() throws Exception {
        RECEIVER.answer("/hooks/down", 503, 503, 503, 503, 503, 503);
        String jobId = post("down-spot", "/hooks/down");
        api.awaitJobState(jobId, "DELIVERED");

        JsonNode callback = awaitCallbackState(jobId, "GAVE_UP");
        assertThat(callback.path("attemptCount").asInt()).isEqualTo(4);
        assertThat(callback.path("lastError").asText()).contains("503");
        assertThat(RECEIVER.receivedOn("/hooks/down")).hasSize(4);
    }

    @Test
    void aFailedJobIsPostedAsJobFailedWithItsReason() throws Exception {
        armSandbox("{\"failedJobs\":1}");
        String jobId = post("failing-spot", "/hooks/failed");
        JsonNode failed = api.awaitJobState(jobId, "FAILED");
        JsonNode event = ApiClient.JSON.readTree(awaitCalls("/hooks/failed", 1).get(0).body());

        assertThat(event.path("type").asText()).isEqualTo("job.failed");
        assertThat(event.path("data").path("state").asText()).isEqualTo("FAILED");
        assertThat(event.path("data").path("error").asText()).isEqualTo(failed.path("error").asText()).isNotBlank();
    }

    @Test
    void aBriefWithShotsGetsOneCallbackForItsParentListingEveryGeneration() throws Exception {
        String brief = ApiClient.example("two-shots.yaml").replace("id: neon-street-two-shots", "id: shots-spot")
                + "callback: " + RECEIVER.url("/hooks/shots") + "\n";
        String parentId = json(api.postBrief("application/yaml", brief)).path("id").asText();
        api.awaitJobState(parentId, "DELIVERED");
        awaitCalls("/hooks/shots", 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> RECEIVER.receivedOn("/hooks/shots").size() == 1);

        JsonNode data = ApiClient.JSON.readTree(RECEIVER.receivedOn("/hooks/shots").get(0).body()).path("data");
        assertThat(data.path("jobId").asText()).isEqualTo(parentId);
        assertThat(data.path("generations").findValuesAsText("shot")).containsExactly("sh010", "sh020");
        assertThat(data.path("generations").findValuesAsText("state")).containsOnly("DELIVERED");
        assertThat(data.path("outputs")).extracting(JsonNode::asText)
                .anyMatch(o -> o.contains("sh010")).anyMatch(o -> o.contains("sh020"));
    }

    private String post(String briefId, String hookPath) throws Exception {
        String brief = ApiClient.example("neon-street.yaml").replace("id: neon-street", "id: " + briefId)
                + "callback: " + RECEIVER.url(hookPath) + "\n";
        HttpResponse<String> answer = api.postBrief("application/yaml", brief);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json(answer).path("id").asText();
    }

    private static List<WebhookReceiver.Received> awaitCalls(String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.receivedOn(path).size() >= count);
        return RECEIVER.receivedOn(path);
    }

    private JsonNode awaitCallbackState(String jobId, String state) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> api.getJson("/api/jobs/" + jobId + "/callbacks").path(0).path("state").asText(), state::equals);
        try {
            JsonNode callbacks = api.getJson("/api/jobs/" + jobId + "/callbacks");
            assertThat(callbacks).hasSize(1);
            return callbacks.get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void armSandbox(String faults) throws Exception {
        HttpResponse<String> armed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/admin/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(faults)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(armed.statusCode()).isEqualTo(200);
    }
}
