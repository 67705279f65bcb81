package io.reelhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's Replicate protocol against the documented JSON (there is no official Java client): the prediction
 * object's fields and statuses, official-model and pinned-version submits, {@code Prefer: wait}, {@code
 * Cancel-After}, cancel, list, problem+json errors and the output on the file host.
 */
class ReplicateProtocolTest extends SandboxApiTestBase {

    private static final String V1 = "/sandbox/replicate/v1";
    private static final String[] AUTH = {"Authorization", "Bearer r8_test"};

    @TempDir
    Path downloads;

    @Test
    void anOfficialModelPredictionStartsSucceedsAndItsOutputDownloads() throws Exception {
        HttpResponse<String> created = sandbox.postJson(V1 + "/models/google/veo-3.1/predictions", """
                {"input":{"prompt":"A tram crosses a bridge at dusk","duration":4,"aspect_ratio":"16:9",
                          "resolution":"720p","generate_audio":false,"seed":9}}""", AUTH);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode prediction = SandboxHttp.json(created);
        assertThat(prediction.path("id").asText()).matches("[a-z0-9]+");
        assertThat(prediction.path("model").asText()).isEqualTo("google/veo-3.1");
        assertThat(prediction.path("status").asText()).isIn("starting", "processing");
        assertThat(prediction.path("input").path("prompt").asText()).isEqualTo("A tram crosses a bridge at dusk");
        assertThat(prediction.path("output").isNull()).isTrue();
        assertThat(prediction.path("error").isNull()).isTrue();
        assertThat(Instant.parse(prediction.path("created_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(prediction.path("urls").path("get").asText()).endsWith(V1 + "/predictions/"
                + prediction.path("id").asText());
        assertThat(prediction.path("urls").path("cancel").asText()).endsWith("/cancel");

        JsonNode done = awaitStatus(prediction.path("id").asText(), "succeeded");
        assertThat(done.path("completed_at").asText()).isNotEmpty();
        assertThat(done.path("data_removed").asBoolean()).isFalse();
        assertThat(done.path("metrics").path("predict_time").isNumber()).isTrue();
        Path clip = downloads.resolve("out.mp4");
        HttpResponse<Path> output = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(done.path("output").asText())).build(), HttpResponse.BodyHandlers.ofFile(clip));
        assertThat(output.statusCode()).isEqualTo(200);
        assertThat(PROBE.probe(clip).durationSeconds()).isCloseTo(4.0, within(0.1));
        assertThat(PROBE.probe(clip).width()).isEqualTo(1280);
    }

    @Test
    void aPinnedVersionGoesThroughPredictionsAndAnUnknownVersionIsRefused() {
        String version = "google/veo-3.1-fast:" + "0f".repeat(32);
        HttpResponse<String> created = sandbox.postJson(V1 + "/predictions",
                "{\"version\":\"" + version + "\",\"input\":{\"prompt\":\"pinned\",\"duration\":4}}", AUTH);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(SandboxHttp.json(created).path("version").asText()).isEqualTo("0f".repeat(32));
        assertThat(SandboxHttp.json(created).path("model").asText()).isEqualTo("google/veo-3.1-fast");

        HttpResponse<String> unknown = sandbox.postJson(V1 + "/predictions",
                "{\"version\":\"" + "ab".repeat(32) + "\",\"input\":{\"prompt\":\"x\"}}", AUTH);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(SandboxHttp.json(unknown).path("detail").asText()).contains("Invalid version");
    }

    @Test
    void preferWaitHoldsTheAnswerUntilThePredictionIsDone() {
        HttpResponse<String> created = sandbox.postJson(V1 + "/models/wan-video/wan-2.2-t2v-fast/predictions",
                "{\"input\":{\"prompt\":\"held\",\"duration\":1,\"size\":\"320*180\"}}",
                "Authorization", "Bearer r8_test", "Prefer", "wait=30");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(SandboxHttp.json(created).path("status").asText()).isEqualTo("succeeded");
        assertThat(SandboxHttp.json(created).path("output").asText()).endsWith("/output.mp4");
    }

    @Test
    void aCancelledPredictionAndAPassedDeadlineEndCanceledOrAborted() {
        String id = SandboxHttp.json(sandbox.postJson(V1 + "/models/google/veo-3.1/predictions",
                "{\"input\":{\"prompt\":\"to cancel\",\"duration\":4}}", AUTH)).path("id").asText();
        HttpResponse<String> cancelled = sandbox.postJson(V1 + "/predictions/" + id + "/cancel", "", AUTH);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(SandboxHttp.json(cancelled).path("status").asText()).isIn("canceled", "aborted");

        String late = SandboxHttp.json(sandbox.postJson(V1 + "/models/google/veo-3.1/predictions",
                "{\"input\":{\"prompt\":\"deadline\",\"duration\":4}}", "Authorization", "Bearer r8_test",
                "Cancel-After", "100ms")).path("id").asText();
        JsonNode ended = awaitTerminal(late);
        assertThat(ended.path("status").asText()).isIn("canceled", "aborted");
        assertThat(ended.path("deadline").asText()).isNotEmpty();
        assertThat(ended.path("output").isNull()).isTrue();
    }

    @Test
    void theListIsNewestFirstAndShowsEachPredictionsInput() {
        String first = SandboxHttp.json(sandbox.postJson(V1 + "/models/google/veo-3.1/predictions",
                "{\"input\":{\"prompt\":\"older\",\"duration\":4}}", AUTH)).path("id").asText();
        String second = SandboxHttp.json(sandbox.postJson(V1 + "/models/google/veo-3.1/predictions",
                "{\"input\":{\"prompt\":\"newer\",\"duration\":4}}", AUTH)).path("id").asText();

        JsonNode page = SandboxHttp.json(sandbox.getPath(V1 + "/predictions", AUTH));

        assertThat(page.has("next")).isTrue();
        assertThat(page.path("results").get(0).path("id").asText()).isEqualTo(second);
        assertThat(page.path("results").get(1).path("id").asText()).isEqualTo(first);
        assertThat(page.path("results").get(0).path("input").path("prompt").asText()).isEqualTo("newer");
    }

    @Test
    void errorsAreProblemJsonWithRetryAfterOnThrottling() {
        HttpResponse<String> anonymous = sandbox.postJson(V1 + "/models/google/veo-3.1/predictions",
                "{\"input\":{\"prompt\":\"x\"}}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(SandboxHttp.json(anonymous).path("title").asText()).isEqualTo("Unauthenticated");

        HttpResponse<String> invalid = sandbox.postJson(V1 + "/models/google/veo-3.1/predictions",
                "{\"input\":{\"prompt\":\"x\",\"duration\":5}}", AUTH);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(SandboxHttp.json(invalid).path("detail").asText()).contains("input.duration").contains("4, 6, 8");

        sandbox.armFaults("replicate", "{\"rateLimitedSubmits\":1,\"retryAfterSeconds\":3}");
        HttpResponse<String> throttled = sandbox.postJson(V1 + "/models/google/veo-3.1/predictions",
                "{\"input\":{\"prompt\":\"x\",\"duration\":4}}", AUTH);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(SandboxHttp.json(throttled).path("detail").asText())
                .isEqualTo("Request was throttled. Your rate limit resets in ~3s.");
    }

    private JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = SandboxHttp.json(sandbox.getPath(V1 + "/predictions/" + id, AUTH));
            return status.equals(last[0].path("status").asText());
        });
        return last[0];
    }

    private JsonNode awaitTerminal(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = SandboxHttp.json(sandbox.getPath(V1 + "/predictions/" + id, AUTH));
            return !last[0].path("status").asText().matches("starting|processing");
        });
        return last[0];
    }
}
