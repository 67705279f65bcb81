package io.reelhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDeleteResponse;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoListPage;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoModel;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import io.reelhub.media.ProbeResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK against the sandbox: whatever it cannot parse or send is a sandbox bug. The SDK's
 * videos API is deprecated (OpenAI retires it in 2026) but gateways keep the wire format alive, which is why the
 * sandbox speaks it; its model enum only knows Sora ids, so the sandbox's model goes through {@code of(String)}.
 */
@SuppressWarnings("deprecation")
class OpenAiSdkConformanceTest extends SandboxApiTestBase {

    @TempDir
    Path downloads;

    private OpenAIClient client;

    @BeforeEach
    void client() {
        client = OpenAIOkHttpClient.builder()
                .baseUrl(sandbox.apiBase())
                .apiKey("sk-test")
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    @Test
    void theOfficialClientCreatesPollsDownloadsListsAndDeletesAVideo() throws Exception {
        Video created = client.videos().create(VideoCreateParams.builder()
                .prompt("Rain-soaked neon street in Tokyo at night, a drone passes overhead")
                .model(VideoModel.of("veo-3.1"))
                .seconds(VideoSeconds._4)
                .size(VideoSize._1280X720)
                .build());

        assertWellFormed(created);
        assertThat(created.status()).isIn(Video.Status.QUEUED, Video.Status.IN_PROGRESS);
        assertThat(created.model().asString()).isEqualTo("veo-3.1");
        assertThat(created.seconds().asString()).isEqualTo("4");
        assertThat(created.size()).isEqualTo(VideoSize._1280X720);
        assertThat(created.completedAt()).isEmpty();
        assertThat(created.expiresAt()).isEmpty();
        assertThat(created.error()).isEmpty();

        AtomicReference<Video> latest = new AtomicReference<>(created);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            latest.set(client.videos().retrieve(created.id()));
            assertWellFormed(latest.get());
            return latest.get().status().equals(Video.Status.COMPLETED);
        });
        Video done = latest.get();
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isPresent();
        assertThat(done.expiresAt()).hasValue(done.completedAt().orElseThrow() + 3600);

        Path clip = downloads.resolve("sdk.mp4");
        try (HttpResponse content = client.videos().downloadContent(created.id());
             InputStream body = content.body()) {
            assertThat(content.statusCode()).isEqualTo(200);
            assertThat(content.headers().values("Content-Type")).contains("video/mp4");
            Files.copy(body, clip, StandardCopyOption.REPLACE_EXISTING);
        }
        ProbeResult probe = PROBE.probe(clip);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(probe.durationSeconds()).isCloseTo(4.0, within(0.1));

        try (HttpResponse thumbnail = client.videos().downloadContent(created.id(),
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.THUMBNAIL).build())) {
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(thumbnail.headers().values("Content-Type")).contains("image/webp");
        }

        VideoListPage page = client.videos().list(VideoListParams.builder()
                .limit(100L).order(VideoListParams.Order.DESC).build());
        assertThat(page.data()).extracting(Video::id).contains(created.id());
        page.data().forEach(OpenAiSdkConformanceTest::assertWellFormed);
        List<String> everything = page.autoPager().stream().map(Video::id).toList();
        assertThat(everything).contains(created.id()).doesNotHaveDuplicates();

        VideoDeleteResponse deleted = client.videos().delete(created.id());
        assertThat(deleted.id()).isEqualTo(created.id());
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted._object_()).isEqualTo(JsonValue.from("video.deleted"));
        assertThatThrownBy(() -> client.videos().retrieve(created.id()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).hasValue("not_found"));
    }

    @Test
    void theClientPagesThroughTheListWithItsOwnCursor() {
        for (int i = 0; i < 3; i++) {
            client.videos().create(VideoCreateParams.builder().prompt("page " + i).model(VideoModel.of("wan-2.2"))
                    .seconds(VideoSeconds.of("1")).size(VideoSize.of("320x180")).build());
        }

        List<String> pagedByTwo = client.videos().list(VideoListParams.builder().limit(2L).build())
                .autoPager().stream().map(Video::id).toList();
        List<String> allAtOnce = client.videos().list(VideoListParams.builder().limit(100L).build())
                .autoPager().stream().map(Video::id).toList();

        assertThat(pagedByTwo).hasSizeGreaterThanOrEqualTo(3).containsExactlyElementsOf(allAtOnce);
    }

    @Test
    void theClientSeesTheRateLimitWithItsRetryAfterAndDoesNotResubmitTheMultipartOnItsOwn() {
        JsonNode before = sandbox.counters();
        sandbox.armFaults("{\"rateLimitedSubmits\":1,\"retryAfterSeconds\":1}");
        VideoCreateParams params = VideoCreateParams.builder().prompt("throttled once")
                .model(VideoModel.of("kling-2.1")).seconds(VideoSeconds.of("2")).size(VideoSize.of("320x180")).build();

        // The SDK retries only repeatable bodies; its multipart body is not, so a 429 on create reaches the caller.
        assertThatThrownBy(() -> client.videos().create(params))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.headers().values("Retry-After")).containsExactly("1");
                    assertThat(e.headers().values("retry-after-ms")).containsExactly("1000");
                    assertThat(e.code()).hasValue("rate_limit_exceeded");
                });
        Video created = client.videos().create(params);

        assertWellFormed(created);
        JsonNode after = sandbox.counters();
        assertThat(after.path("rejectedSubmissions").path("429").asLong()
                - before.path("rejectedSubmissions").path("429").asLong()).isEqualTo(1);
        assertThat(after.path("submissions").path("kling-2.1").asLong()
                - before.path("submissions").path("kling-2.1").asLong()).isEqualTo(1);
    }

    @Test
    void theClientsInputReferenceUploadIsAcceptedAndCounted() {
        JsonNode before = sandbox.counters();

        Video created = client.videos().create(VideoCreateParams.builder().prompt("from a reference frame")
                .model(VideoModel.of("seedance-1.0-pro")).seconds(VideoSeconds.of("1")).size(VideoSize.of("320x180"))
                .inputReference(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .build());

        assertWellFormed(created);
        assertThat(sandbox.counters().path("inputReferences").asLong() - before.path("inputReferences").asLong())
                .isEqualTo(1);
    }

    @Test
    void theClientRetriesAFailedPollOnItsOwn() {
        Video created = client.videos().create(VideoCreateParams.builder().prompt("flaky poll")
                .model(VideoModel.of("veo-3.1-fast")).seconds(VideoSeconds.of("1")).size(VideoSize.of("320x180"))
                .build());
        JsonNode before = sandbox.counters();
        sandbox.armFaults("{\"failingPolls\":1}");

        Video polled = client.videos().retrieve(created.id());

        assertThat(polled.id()).isEqualTo(created.id());
        JsonNode after = sandbox.counters();
        assertThat(after.path("failedPolls").asLong() - before.path("failedPolls").asLong()).isEqualTo(1);
        assertThat(after.path("polls").asLong() - before.path("polls").asLong()).isEqualTo(1);
    }

    @Test
    void theClientSurfacesTheSandboxErrorsWithCodeAndParam() {
        assertThatThrownBy(() -> client.videos().create(VideoCreateParams.builder().prompt("retired model")
                .model(VideoModel.SORA_2).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).hasValue("invalid_value");
                    assertThat(e.param()).hasValue("model");
                    assertThat(e.type()).hasValue("invalid_request_error");
                });

        OpenAIClient anonymous = OpenAIOkHttpClient.builder().baseUrl(sandbox.apiBase()).apiKey("").build();
        assertThatThrownBy(() -> anonymous.videos().retrieve("video_" + "0".repeat(48)))
                .isInstanceOf(UnauthorizedException.class);
    }

    /** Reads every field the SDK declares, which throws if one is missing or of the wrong JSON type. */
    private static void assertWellFormed(Video video) {
        assertThat(video.id()).startsWith("video_");
        assertThat(video._object_()).isEqualTo(JsonValue.from("video"));
        assertThat(video.status().known()).isNotNull();
        assertThat(video.progress()).isBetween(0L, 100L);
        assertThat(video.createdAt()).isPositive();
        video.completedAt();
        video.expiresAt();
        video.error();
        video.prompt();
        video.remixedFromVideoId();
        assertThat(video.seconds().asString()).matches("\\d+");
        assertThat(video.size().asString()).matches("\\d+x\\d+");
        assertThat(video.model().asString()).isNotBlank();
        assertThat(video._additionalProperties()).as("fields the SDK does not know").isEmpty();
    }
}
