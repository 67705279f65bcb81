package io.reelhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.GenerateVideosConfig;
import com.google.genai.types.GenerateVideosOperation;
import com.google.genai.types.GenerateVideosResponse;
import com.google.genai.types.GeneratedVideo;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import io.reelhub.media.ProbeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Google GenAI Java SDK against the sandbox's Gemini API and Vertex endpoints; whatever it cannot send
 * or parse is a sandbox bug. Version 2.0.0 of the SDK refuses {@code generateVideos} in Gemini Developer API mode
 * ("only supported in Gemini Enterprise Agent Platform mode"), so on the Gemini API the video is created with the
 * documented JSON by hand and the SDK polls the operation and downloads the file; on Vertex the SDK does all three.
 * The SDK's own retries are off, so a refusal reaches the test as the server gave it.
 */
class GeminiSdkConformanceTest extends SandboxApiTestBase {

    private static final String MODEL = "veo-3.1-generate-001";

    @TempDir
    Path downloads;

    private Client client;

    @BeforeEach
    void client() {
        client = Client.builder()
                .apiKey("gemini-test-key")
                .httpOptions(HttpOptions.builder()
                        .baseUrl("http://localhost:" + port + "/sandbox/gemini")
                        .timeout(60_000)
                        .retryOptions(HttpRetryOptions.builder().attempts(1)).build())
                .build();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
    }

    @Test
    void theOfficialClientPollsAGeminiOperationAndDownloadsTheVeoVideo() throws Exception {
        JsonNode before = sandbox.counters();

        GenerateVideosOperation operation = generate("""
                {"instances":[{"prompt":"A paper boat drifts down a rain gutter, close-up, overcast light"}],
                 "parameters":{"sampleCount":1,"durationSeconds":4,"aspectRatio":"16:9","resolution":"720p",
                               "negativePrompt":"text, watermark"}}""");

        assertThat(operation.name()).hasValueSatisfying(name -> assertThat(name)
                .startsWith("models/" + MODEL + "/operations/"));
        GenerateVideosOperation done = untilDone(client, operation);
        assertThat(done.error()).isEmpty();
        GenerateVideosResponse response = done.response().orElseThrow();
        assertThat(response.raiMediaFilteredCount()).isEmpty();
        GeneratedVideo video = response.generatedVideos().orElseThrow().get(0);
        String uri = video.video().orElseThrow().uri().orElseThrow();
        assertThat(uri).matches(".*/sandbox/gemini/v1beta/files/[a-z0-9]+:download\\?alt=media");

        // the SDK's download by file name: GET files/{id}:download?alt=media with the key
        String fileName = uri.substring(uri.indexOf("files/"), uri.indexOf(":download"));
        Path viaSdk = downloads.resolve("sdk.mp4");
        client.files.download(fileName, viaSdk.toString(), null);
        assertVeoClip(viaSdk);

        // and the URI as given, fetched with the key in x-goog-api-key, as the hub does
        Path viaUri = downloads.resolve("uri.mp4");
        HttpResponse<Path> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                .header("x-goog-api-key", "gemini-test-key").build(), HttpResponse.BodyHandlers.ofFile(viaUri));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertVeoClip(viaUri);

        JsonNode after = sandbox.counters();
        assertThat(after.path("protocolSubmissions").path("gemini").path(MODEL).asLong()
                - before.path("protocolSubmissions").path("gemini").path(MODEL).asLong()).isEqualTo(1);
    }

    @Test
    void theClientSeesAFilteredVideoAsADoneOperationWithReasonsAndNoSamples() {
        sandbox.armFaults("gemini", "{\"filteredJobs\":1}");

        GenerateVideosOperation done = untilDone(client, generate("""
                {"instances":[{"prompt":"something the filter refuses"}],"parameters":{"durationSeconds":4}}"""));

        GenerateVideosResponse response = done.response().orElseThrow();
        assertThat(response.generatedVideos()).isEmpty();
        assertThat(response.raiMediaFilteredCount()).hasValue(1);
        assertThat(response.raiMediaFilteredReasons().orElseThrow().get(0)).contains("will not be charged");
        assertThat(done.error()).isEmpty();
    }

    @Test
    void theVertexClientGeneratesWithSeedAndAudioPollsAndSavesTheInlineVideo() throws Exception {
        JsonNode before = sandbox.counters();
        try (Client vertex = vertexClient()) {
            GenerateVideosOperation operation = vertex.models.generateVideos(MODEL, "A lighthouse beam sweeps fog",
                    null, GenerateVideosConfig.builder().numberOfVideos(1).durationSeconds(4).aspectRatio("16:9")
                            .resolution("720p").seed(42).generateAudio(true).build());
            assertThat(operation.name()).hasValueSatisfying(name -> assertThat(name)
                    .startsWith("projects/reelhub-test/locations/us-central1/publishers/google/models/" + MODEL
                            + "/operations/"));

            GenerateVideosOperation done = untilDone(vertex, operation);
            GeneratedVideo video = done.response().orElseThrow().generatedVideos().orElseThrow().get(0);
            assertThat(video.video().orElseThrow().mimeType()).hasValue("video/mp4");
            Path saved = downloads.resolve("vertex.mp4");
            vertex.files.download(video, saved.toString(), null);
            assertVeoClip(saved);
        }
        JsonNode after = sandbox.counters();
        assertThat(after.path("protocolSubmissions").path("vertex").path(MODEL).asLong()
                - before.path("protocolSubmissions").path("vertex").path(MODEL).asLong()).isEqualTo(1);
    }

    @Test
    void theClientSeesQuotaExhaustionInGooglesEnvelope() throws Exception {
        sandbox.armFaults("vertex", "{\"rateLimitedSubmits\":1,\"retryAfterSeconds\":7}");

        try (Client vertex = vertexClient()) {
            assertThatThrownBy(() -> vertex.models.generateVideos(MODEL, "throttled", null, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(429);
                        assertThat(e.status()).isEqualTo("RESOURCE_EXHAUSTED");
                    });
        }
    }

    @Test
    void aRetiredPreviewIdIsNoLongerAvailableAndASeedIsRefusedOnTheGeminiApi() {
        HttpResponse<String> retired = sandbox.postJson("/sandbox/gemini/v1beta/models/veo-3.1-generate-preview"
                + ":predictLongRunning", "{\"instances\":[{\"prompt\":\"old id\"}]}", "x-goog-api-key", "k");
        assertThat(retired.statusCode()).isEqualTo(404);
        assertThat(retired.body()).contains("is no longer available").contains("\"status\":\"NOT_FOUND\"");

        HttpResponse<String> seeded = sandbox.postJson("/sandbox/gemini/v1beta/models/" + MODEL + ":predictLongRunning",
                "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"seed\":7}}", "x-goog-api-key", "k");
        assertThat(seeded.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.json(seeded).path("error").path("message").asText())
                .contains("Unknown name \"seed\" at 'parameters'");
    }

    /** Creates on the Gemini API with the documented JSON, and hands the operation to the SDK. */
    private GenerateVideosOperation generate(String body) {
        HttpResponse<String> created = sandbox.postJson("/sandbox/gemini/v1beta/models/" + MODEL
                + ":predictLongRunning", body, "x-goog-api-key", "gemini-test-key");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return GenerateVideosOperation.builder().name(SandboxHttp.json(created).path("name").asText()).build();
    }

    private static GenerateVideosOperation untilDone(Client sdk, GenerateVideosOperation operation) {
        AtomicReference<GenerateVideosOperation> latest = new AtomicReference<>(operation);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            latest.set(sdk.operations.getVideosOperation(latest.get(), null));
            return latest.get().done().orElse(false);
        });
        return latest.get();
    }

    private Client vertexClient() {
        return Client.builder()
                .vertexAI(true)
                .project("reelhub-test")
                .location("us-central1")
                .credentials(GoogleCredentials.create(new AccessToken("vertex-test-token",
                        new Date(System.currentTimeMillis() + 3_600_000))))
                .httpOptions(HttpOptions.builder()
                        .baseUrl("http://localhost:" + port + "/sandbox/vertex")
                        .timeout(60_000)
                        .retryOptions(HttpRetryOptions.builder().attempts(1)).build())
                .build();
    }

    private static void assertVeoClip(Path clip) throws InterruptedException {
        ProbeResult probe = PROBE.probe(clip);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(probe.durationSeconds()).isCloseTo(4.0, within(0.1));
    }
}
