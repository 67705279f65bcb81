package io.reelhub.api;

import static io.reelhub.api.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
 * The concept stage as creative software lives it: a brief with {@code variations: 3} becomes three generations
 * with their own seeds, each lands on the concept board in the outbox, and the tool gets exactly one signed
 * callback listing the three with URLs it can download from the running hub, the same the parent job shows.
 */
@HubTest
class ConceptStageTest {

    private static final Path HOME = TempHome.create("concept-stage");
    private static final WebhookReceiver RECEIVER = WebhookReceiver.started();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.callbacks.secret", () -> CallbacksTest.SECRET);
        registry.add("reelhub.callbacks.allowed-hosts", () -> "127.0.0.1");
        // the receiver runs on this machine
        registry.add("reelhub.callbacks.allow-private", () -> "true");
        registry.add("reelhub.callbacks.tick", () -> "100ms");
    }

    @LocalServerPort
    int port;

    private ApiClient api;
    private final StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(CallbacksTest.SECRET);

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void threeVariationsReachTheBoardAndOneSignedCallbackListsThemWithUrlsThatDownload() throws Exception {
        String parentId = post("harbour-concepts", "/hooks/concepts");
        JsonNode parent = api.awaitJobState(parentId, "DELIVERED");
        WebhookReceiver.Received hook = exactlyOneCallbackOn("/hooks/concepts");

        // three generations with their own seeds
        JsonNode children = parent.path("children");
        assertThat(children).hasSize(3);
        assertThat(children.findValuesAsText("shot")).containsExactly("var01", "var02", "var03");
        assertThat(children.findValuesAsText("state")).containsOnly("DELIVERED");
        assertThat(children.findValues("seed")).extracting(JsonNode::asLong).doesNotHaveDuplicates().hasSize(3);

        // the board: a clip and a thumbnail per variation, in the version's folder
        Path board = HOME.resolve("outbox/acme-spring/harbour-concepts/v001");
        try (Stream<Path> files = Files.list(board)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("var01.mp4",
                    "var01.jpg", "var01.reelhub.json", "var02.mp4", "var02.jpg", "var02.reelhub.json", "var03.mp4",
                    "var03.jpg", "var03.reelhub.json");
        }

        // one signed callback, for the parent, listing the variations
        assertThat(verifier.verify(hook.header("webhook-id"), hook.header("webhook-timestamp"),
                hook.header("webhook-signature"), hook.body())).isTrue();
        JsonNode event = ApiClient.JSON.readTree(hook.body());
        assertThat(event.path("type").asText()).isEqualTo("job.delivered");
        JsonNode data = event.path("data");
        assertThat(data.path("jobId").asText()).isEqualTo(parentId);
        assertThat(data.path("stage").asText()).isEqualTo("concept");
        JsonNode variations = data.path("generations");
        assertThat(variations).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode variation = variations.get(i);
            JsonNode child = children.get(i);
            String shot = "var0" + (i + 1);
            assertThat(variation.path("shot").asText()).isEqualTo(shot);
            assertThat(variation.path("jobId").asText()).isEqualTo(child.path("id").asText());
            assertThat(variation.path("state").asText()).isEqualTo("DELIVERED");
            assertThat(variation.path("seed").asLong()).isEqualTo(child.path("seed").asLong());
            assertThat(variation.path("error").isNull()).isTrue();
            // the parent's view names the same URLs as the callback
            assertThat(variation.path("videoUrl").asText()).isEqualTo(child.path("videoUrl").asText())
                    .isEqualTo("http://localhost:" + port + "/api/jobs/" + child.path("id").asText() + "/outputs/"
                            + shot + ".mp4");
            assertThat(variation.path("thumbnailUrl").asText()).isEqualTo(child.path("thumbnailUrl").asText())
                    .endsWith("/outputs/" + shot + ".jpg");

            HttpResponse<byte[]> video = download(variation.path("videoUrl").asText());
            assertThat(video.statusCode()).isEqualTo(200);
            assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(video.body()).isEqualTo(Files.readAllBytes(board.resolve(shot + ".mp4")));
            HttpResponse<byte[]> thumbnail = download(variation.path("thumbnailUrl").asText());
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("image/"));
            assertThat(thumbnail.body()).isEqualTo(Files.readAllBytes(board.resolve(shot + ".jpg")));
        }
        assertThat(data.path("seed").isNull()).as("a parent has no seed of its own").isTrue();
        assertThat(data.path("videoUrl").isNull()).isTrue();
    }

    @Test
    void aFailedVariationIsMarkedWithItsReasonInTheOneCallbackBesideTheDeliveredOnes() throws Exception {
        armSandbox("{\"failedJobs\":1}");
        String parentId = post("harbour-concepts-failing", "/hooks/failing");
        JsonNode parent = api.awaitJobState(parentId, "FAILED");
        WebhookReceiver.Received hook = exactlyOneCallbackOn("/hooks/failing");

        assertThat(verifier.verify(hook.header("webhook-id"), hook.header("webhook-timestamp"),
                hook.header("webhook-signature"), hook.body())).isTrue();
        JsonNode event = ApiClient.JSON.readTree(hook.body());
        assertThat(event.path("type").asText()).isEqualTo("job.failed");
        assertThat(event.path("data").path("error").asText()).contains("2 of 3 generations delivered");
        List<JsonNode> failed = new ArrayList<>();
        List<JsonNode> delivered = new ArrayList<>();
        event.path("data").path("generations").forEach(v ->
                (v.path("state").asText().equals("FAILED") ? failed : delivered).add(v));
        assertThat(failed).singleElement().satisfies(variation -> {
            assertThat(variation.path("error").asText()).contains("moderation");
            assertThat(variation.path("seed").isIntegralNumber()).isTrue();
            assertThat(variation.path("videoUrl").isNull()).isTrue();
            assertThat(variation.path("thumbnailUrl").isNull()).isTrue();
        });
        assertThat(delivered).hasSize(2).allSatisfy(variation -> {
            assertThat(variation.path("error").isNull()).isTrue();
            assertThat(download(variation.path("videoUrl").asText()).statusCode()).isEqualTo(200);
            assertThat(download(variation.path("thumbnailUrl").asText()).statusCode()).isEqualTo(200);
        });
        JsonNode failedChild = parent.path("children").findParents("state").stream()
                .filter(c -> c.path("state").asText().equals("FAILED")).findFirst().orElseThrow();
        assertThat(failedChild.path("id").asText()).isEqualTo(failed.get(0).path("jobId").asText());
        assertThat(failedChild.has("videoUrl")).isFalse();
        try (Stream<Path> files = Files.list(HOME.resolve("outbox/acme-spring/harbour-concepts-failing/v001"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".mp4"))).hasSize(2);
        }
    }

    private String post(String briefId, String hookPath) throws Exception {
        String brief = ApiClient.example("harbour-concepts.yaml").replace("id: harbour-concepts", "id: " + briefId)
                + "callback: " + RECEIVER.url(hookPath) + "\n";
        HttpResponse<String> answer = api.postBrief("application/yaml", brief);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json(answer).path("id").asText();
    }

    /** Waits for the callback, then a while longer to be sure no second one (a child's) follows. */
    private static WebhookReceiver.Received exactlyOneCallbackOn(String path) {
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.receivedOn(path).size() >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> RECEIVER.receivedOn(path).size() == 1);
        return RECEIVER.receivedOn(path).get(0);
    }

    private static HttpResponse<byte[]> download(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private void armSandbox(String faults) throws Exception {
        HttpResponse<String> armed = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/sandbox/admin/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(faults)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(armed.statusCode()).isEqualTo(200);
    }
}
