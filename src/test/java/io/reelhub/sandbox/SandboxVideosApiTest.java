package io.reelhub.sandbox;

import static io.reelhub.sandbox.SandboxHttp.form;
import static io.reelhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.media.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxVideosApiTest extends SandboxApiTestBase {

    @TempDir
    Path downloads;

    @Test
    void aSubmittedVideoIsQueuedThenCompletesAndItsContentIsARealH264Clip() throws Exception {
        HttpResponse<String> created = sandbox.create(form("A cat crosses a neon street", "veo-3.1", "4", "1280x720"));

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode video = json(created);
        assertThat(video.path("id").asText()).matches("video_[0-9a-f]{48}");
        assertThat(video.path("object").asText()).isEqualTo("video");
        assertThat(video.path("model").asText()).isEqualTo("veo-3.1");
        assertThat(video.path("status").asText()).isIn("queued", "in_progress");
        assertThat(video.path("progress").asInt()).isBetween(0, 99);
        assertThat(video.path("seconds").isTextual()).isTrue();
        assertThat(video.path("seconds").asText()).isEqualTo("4");
        assertThat(video.path("size").asText()).isEqualTo("1280x720");
        assertThat(video.path("prompt").asText()).isEqualTo("A cat crosses a neon street");
        assertThat(video.path("created_at").asLong()).isPositive();
        for (String nullField : List.of("completed_at", "expires_at", "remixed_from_video_id", "error")) {
            assertThat(video.has(nullField)).as(nullField + " present").isTrue();
            assertThat(video.get(nullField).isNull()).as(nullField + " null").isTrue();
        }

        String id = video.path("id").asText();
        HttpResponse<String> poll = sandbox.get("/videos/" + id);
        assertThat(poll.headers().firstValue("openai-poll-after-ms")).contains("20");
        assertThat(poll.headers().firstValue("x-request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));

        JsonNode done = sandbox.awaitStatus(id, "completed");
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("completed_at").asLong()).isGreaterThanOrEqualTo(done.path("created_at").asLong());
        assertThat(done.path("expires_at").asLong() - done.path("completed_at").asLong()).isEqualTo(3600);

        HttpResponse<Path> clip = sandbox.download(id, "video", downloads.resolve("clip.mp4"));
        assertThat(clip.statusCode()).isEqualTo(200);
        assertThat(clip.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(clip.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(clip.body()));
        ProbeResult probe = PROBE.probe(clip.body());
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(probe.durationSeconds()).isCloseTo(4.0, within(0.1));
        assertThat(PROBE.formatTags(clip.body())).containsEntry("comment", "reelhub-sandbox");

        HttpResponse<Path> thumbnail = sandbox.download(id, "thumbnail", downloads.resolve("thumb.webp"));
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/webp");
        byte[] webp = Files.readAllBytes(thumbnail.body());
        assertThat(new String(webp, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4)).isEqualTo("WEBP");
    }

    @Test
    void aPromptAloneGetsTheDefaultModelPortraitSizeAndFourSeconds() {
        JsonNode video = json(sandbox.create(form("Defaults only", null, null, null)));

        assertThat(video.path("model").asText()).isEqualTo("veo-3.1");
        assertThat(video.path("size").asText()).isEqualTo("720x1280");
        assertThat(video.path("seconds").asText()).isEqualTo("4");
    }

    @Test
    void contentIsNotServedBeforeTheVideoCompletes() {
        String id = sandbox.createdId(form("A long one", "kling-2.1", "8", "1920x1080"));

        HttpResponse<String> early = sandbox.get("/videos/" + id + "/content");

        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(json(early).path("error").path("code").asText()).isEqualTo("video_not_ready");
        assertThat(json(early).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheSameVideoAndCountsOnePaidSubmission() {
        JsonNode before = sandbox.counters();
        String key = "brief-acme-sc01-v001-sh010";

        HttpResponse<String> first = sandbox.create(form("Same brief twice", "wan-2.2", "4", "640x360"),
                "Idempotency-Key", key);
        HttpResponse<String> second = sandbox.create(form("Same brief twice", "wan-2.2", "4", "640x360"),
                "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("id").asText()).isEqualTo(json(first).path("id").asText());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        JsonNode after = sandbox.counters();
        assertThat(after.path("submissions").path("wan-2.2").asLong()
                - before.path("submissions").path("wan-2.2").asLong()).isEqualTo(1);
        assertThat(after.path("idempotentReplays").asLong() - before.path("idempotentReplays").asLong()).isEqualTo(1);
    }

    @Test
    void theHubExtensionsAndAnInputReferenceFileAreAccepted() {
        JsonNode before = sandbox.counters();

        HttpResponse<String> created = sandbox.create(form("With extras", "seedance-1.0-pro", "5", "640x360")
                .field("seed", "42").field("negative_prompt", "text, logos")
                .file("input_reference", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created).path("seconds").asText()).isEqualTo("5");
        assertThat(sandbox.counters().path("inputReferences").asLong() - before.path("inputReferences").asLong())
                .isEqualTo(1);
    }

    @Test
    void anInputReferenceGivenAsAnImageUrlObjectIsAccepted() {
        HttpResponse<String> response = sandbox.create(form("Referenced by URL", "veo-3.1", "1", "320x180")
                .field("input_reference", "{\"image_url\":\"https://example.com/ref.png\"}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anInputReferenceSentAsAPlainStringIsATypeError() {
        HttpResponse<String> response = sandbox.create(form("Bad reference", "veo-3.1", "4", "640x360")
                .field("input_reference", "https://example.com/ref.png"));

        assertError(response, 400, "input_reference", "invalid_type");
    }

    @Test
    void anUnknownModelIsRejectedNamingTheParameterAndIsNotPaid() {
        JsonNode before = sandbox.counters();

        HttpResponse<String> response = sandbox.create(form("Retired", "sora-2", "4", "1280x720"));

        JsonNode error = assertError(response, 400, "model", "invalid_value");
        assertThat(error.path("message").asText()).contains("sora-2").contains("veo-3.1");
        JsonNode after = sandbox.counters();
        assertThat(total(after.path("submissions"))).isEqualTo(total(before.path("submissions")));
        assertThat(after.path("rejectedSubmissions").path("400").asLong()
                - before.path("rejectedSubmissions").path("400").asLong()).isEqualTo(1);
    }

    @Test
    void aMalformedSizeIsRejectedNamingTheParameter() {
        assertError(sandbox.create(form("Bad size", "veo-3.1", "4", "1280by720")), 400, "size", "invalid_value");
        assertError(sandbox.create(form("Odd size", "veo-3.1", "4", "1281x720")), 400, "size", "invalid_value");
    }

    @Test
    void secondsOutsideOneToTwentyAreRejected() {
        assertError(sandbox.create(form("Too long", "veo-3.1", "30", "1280x720")), 400, "seconds", "invalid_value");
        assertError(sandbox.create(form("Not a number", "veo-3.1", "four", "1280x720")), 400, "seconds",
                "invalid_value");
    }

    @Test
    void aMissingPromptIsRejected() {
        HttpResponse<String> response = sandbox.create(new SandboxHttp.Form().field("model", "veo-3.1"));

        assertError(response, 400, "prompt", "missing_required_parameter");
    }

    @Test
    void aJsonBodyInsteadOfMultipartIsRejectedWithTheEnvelope() {
        HttpResponse<String> response = sandbox.unauthenticated(sandbox.request("/videos")
                .header("Authorization", "Bearer sk-test")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\",\"seconds\":4}")));

        JsonNode error = assertError(response, 400, null, "invalid_content_type");
        assertThat(error.path("message").asText()).contains("multipart/form-data");
    }

    @Test
    void requestsWithoutABearerKeyAreUnauthorized() {
        HttpResponse<String> none = sandbox.unauthenticated(sandbox.request("/videos").GET());
        HttpResponse<String> empty = sandbox.unauthenticated(sandbox.request("/videos")
                .header("Authorization", "Bearer ").GET());
        HttpResponse<String> basic = sandbox.unauthenticated(sandbox.request("/videos")
                .header("Authorization", "Basic dXNlcjpwYXNz").GET());

        for (HttpResponse<String> response : List.of(none, empty, basic)) {
            JsonNode error = assertError(response, 401, null, null);
            assertThat(error.path("message").asText()).contains("API key");
        }
    }

    @Test
    void anUnknownVideoIsA404Envelope() {
        HttpResponse<String> response = sandbox.get("/videos/video_" + "0".repeat(48));

        JsonNode error = assertError(response, 404, null, "not_found");
        assertThat(error.path("message").asText()).contains("not found");
    }

    @Test
    void anUnknownRouteAnswersLikeOpenAi() {
        HttpResponse<String> response = sandbox.get("/videos/abc/spritesheet");

        JsonNode error = assertError(response, 404, null, null);
        assertThat(error.path("message").asText()).isEqualTo("Invalid URL (GET /v1/videos/abc/spritesheet)");
    }

    @Test
    void listingPagesThroughVideosInBothOrders() {
        String a = sandbox.createdId(form("list a", "veo-3.1-fast", "1", "320x180"));
        String b = sandbox.createdId(form("list b", "veo-3.1-fast", "1", "320x180"));
        String c = sandbox.createdId(form("list c", "veo-3.1-fast", "1", "320x180"));

        JsonNode ascending = json(sandbox.get("/videos?order=asc&limit=1&after=" + a));
        JsonNode descending = json(sandbox.get("/videos?order=desc&limit=2&after=" + c));
        JsonNode newest = json(sandbox.get("/videos?limit=1"));

        assertThat(ascending.path("object").asText()).isEqualTo("list");
        assertThat(ids(ascending)).containsExactly(b);
        assertThat(ascending.path("has_more").asBoolean()).isTrue();
        assertThat(ascending.path("first_id").asText()).isEqualTo(b);
        assertThat(ascending.path("last_id").asText()).isEqualTo(b);
        assertThat(ids(descending)).containsExactly(b, a);
        assertThat(ids(newest)).containsExactly(c);
        assertError(sandbox.get("/videos?limit=0"), 400, "limit", "invalid_value");
        assertError(sandbox.get("/videos?order=sideways"), 400, "order", "invalid_value");
    }

    @Test
    void deletingAVideoRemovesItAndItsContent() {
        String id = sandbox.createdId(form("Short lived", "veo-3.1", "1", "320x180"));
        sandbox.awaitStatus(id, "completed");

        HttpResponse<String> deleted = sandbox.delete("/videos/" + id);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).path("id").asText()).isEqualTo(id);
        assertThat(json(deleted).path("object").asText()).isEqualTo("video.deleted");
        assertThat(json(deleted).path("deleted").asBoolean()).isTrue();
        assertError(sandbox.get("/videos/" + id), 404, null, "not_found");
        assertError(sandbox.get("/videos/" + id + "/content"), 404, null, "not_found");
        assertThat(HOME.resolve("sandbox/videos/" + id + ".mp4")).doesNotExist();
        assertError(sandbox.delete("/videos/" + id), 404, null, "not_found");
    }

    @Test
    void paidSubmissionsAndBilledSecondsAppearAsMicrometerMeters() {
        String id = sandbox.createdId(form("Metered", "veo-3.1", "2", "320x180"));
        sandbox.awaitStatus(id, "completed");

        JsonNode submissions = sandbox.metric("reelhub.sandbox.submissions?tag=model:veo-3.1");
        JsonNode billed = sandbox.metric("reelhub.sandbox.billed.seconds?tag=model:veo-3.1");

        assertThat(submissions.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(billed.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(2);
        assertThat(sandbox.metric("reelhub.sandbox.downloads").path("name").asText())
                .isEqualTo("reelhub.sandbox.downloads");
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String param, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = json(response).path("error");
        assertThat(error.isObject()).as("error envelope in " + response.body()).isTrue();
        for (String field : List.of("message", "type", "param", "code")) {
            assertThat(error.has(field)).as(field + " in " + response.body()).isTrue();
        }
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.get("param").isNull() ? null : error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("code").isNull() ? null : error.get("code").asText()).isEqualTo(code);
        return error;
    }

    private static long total(JsonNode perModel) {
        long sum = 0;
        for (JsonNode count : perModel) {
            sum += count.asLong();
        }
        return sum;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(video -> ids.add(video.path("id").asText()));
        return ids;
    }
}
