package io.reelhub.sandbox;

import static io.reelhub.sandbox.SandboxHttp.form;
import static io.reelhub.sandbox.SandboxHttp.json;
import static io.reelhub.sandbox.SandboxVideosApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.FrameQuality;
import io.reelhub.media.FrameStretch;
import io.reelhub.media.MediaToolException;
import io.reelhub.media.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxFaultsTest extends SandboxApiTestBase {

    @TempDir
    Path downloads;

    @Test
    void aRateLimitedSubmitAnswers429WithRetryAfterAndIsNotPaid() {
        JsonNode before = sandbox.counters();
        sandbox.armFaults("{\"rateLimitedSubmits\":1,\"retryAfterSeconds\":3}");

        HttpResponse<String> limited = sandbox.create(form("Throttled", "veo-3.1", "4", "320x180"));
        HttpResponse<String> next = sandbox.create(form("Throttled", "veo-3.1", "4", "320x180"));

        JsonNode error = assertError(limited, 429, null, "rate_limit_exceeded");
        assertThat(error.path("type").asText()).isEqualTo("requests");
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
        assertThat(limited.headers().firstValue("retry-after-ms")).contains("3000");
        assertThat(next.statusCode()).isEqualTo(200);
        JsonNode after = sandbox.counters();
        assertThat(delta(after, before, "rejectedSubmissions", "429")).isEqualTo(1);
        assertThat(delta(after, before, "submissions", "veo-3.1")).isEqualTo(1);
    }

    @Test
    void aFailingSubmitAnswersTheConfiguredServerErrorAndIsNotPaid() {
        JsonNode before = sandbox.counters();
        sandbox.armFaults("{\"failingSubmits\":2,\"failingSubmitStatus\":503}");

        HttpResponse<String> first = sandbox.create(form("Outage", "kling-2.1", "4", "320x180"));
        HttpResponse<String> second = sandbox.create(form("Outage", "kling-2.1", "4", "320x180"));
        HttpResponse<String> third = sandbox.create(form("Outage", "kling-2.1", "4", "320x180"));

        assertThat(json(first).path("error").path("type").asText()).isEqualTo("server_error");
        assertError(first, 503, null, null);
        assertError(second, 503, null, null);
        assertThat(third.statusCode()).isEqualTo(200);
        JsonNode after = sandbox.counters();
        assertThat(delta(after, before, "rejectedSubmissions", "503")).isEqualTo(2);
        assertThat(delta(after, before, "submissions", "kling-2.1")).isEqualTo(1);
    }

    @Test
    void aFailedJobEndsFailedWithTheConfiguredCodeAndIsNotBilled() {
        JsonNode before = sandbox.counters();
        sandbox.armFaults("{\"failedJobs\":1,\"failedJobCode\":\"moderation_blocked\","
                + "\"failedJobMessage\":\"Blocked by the sandbox moderation fault.\"}");

        String id = sandbox.createdId(form("Forbidden", "wan-2.2", "4", "320x180"));
        JsonNode failed = sandbox.awaitStatus(id, "failed");

        assertThat(failed.path("error").path("code").asText()).isEqualTo("moderation_blocked");
        assertThat(failed.path("error").path("message").asText()).isEqualTo("Blocked by the sandbox moderation fault.");
        assertError(sandbox.get("/videos/" + id + "/content"), 404, null, "video_not_ready");
        JsonNode after = sandbox.counters();
        assertThat(delta(after, before, "submissions", "wan-2.2")).isEqualTo(1);
        assertThat(delta(after, before, "billedSeconds", "wan-2.2")).isZero();
    }

    @Test
    void aFailingPollAnswers500ThenPollingRecovers() {
        String id = sandbox.createdId(form("Flaky status", "veo-3.1", "1", "320x180"));
        JsonNode before = sandbox.counters();
        sandbox.armFaults("{\"failingPolls\":1}");

        HttpResponse<String> failing = sandbox.get("/videos/" + id);
        HttpResponse<String> recovered = sandbox.get("/videos/" + id);

        assertError(failing, 500, null, null);
        assertThat(recovered.statusCode()).isEqualTo(200);
        JsonNode after = sandbox.counters();
        assertThat(after.path("failedPolls").asLong() - before.path("failedPolls").asLong()).isEqualTo(1);
        assertThat(after.path("polls").asLong() - before.path("polls").asLong()).isEqualTo(1);
    }

    @Test
    void aTruncatedDownloadAnnouncesTheFullLengthButEndsEarly() throws Exception {
        String id = completedVideo();
        long fullSize = Files.size(HOME.resolve("sandbox/videos/" + id + ".mp4"));
        JsonNode before = sandbox.counters();
        sandbox.armFaults("{\"truncatedDownloads\":1,\"truncateAfterBytes\":10000}");

        HttpResponse<InputStream> truncated = sandbox.downloadStream(id);

        assertThat(truncated.statusCode()).isEqualTo(200);
        assertThat(truncated.headers().firstValueAsLong("Content-Length")).hasValue(fullSize);
        long[] received = {0};
        assertThatThrownBy(() -> received[0] = drain(truncated.body(), received))
                .isInstanceOf(IOException.class);
        assertThat(received[0]).isEqualTo(10_000);

        HttpResponse<Path> whole = sandbox.download(id, "video", downloads.resolve("whole.mp4"));
        assertThat(Files.size(whole.body())).isEqualTo(fullSize);
        JsonNode after = sandbox.counters();
        assertThat(after.path("downloads").path("truncated").asLong()
                - before.path("downloads").path("truncated").asLong()).isEqualTo(1);
        assertThat(after.path("downloads").path("complete").asLong()
                - before.path("downloads").path("complete").asLong()).isEqualTo(1);
    }

    @Test
    void aSlowDownloadIsThrottledToTheConfiguredRate() throws Exception {
        String id = completedVideo();
        long size = Files.size(HOME.resolve("sandbox/videos/" + id + ".mp4"));
        long bytesPerSecond = Math.max(20_000, size);
        sandbox.armFaults("{\"downloadBytesPerSecond\":" + bytesPerSecond + "}");

        long started = System.nanoTime();
        HttpResponse<Path> slow = sandbox.download(id, "video", downloads.resolve("slow.mp4"));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(Files.size(slow.body())).isEqualTo(size);
        double expected = size / (double) bytesPerSecond;
        assertThat(seconds).as("download time at %d B/s of %d bytes", bytesPerSecond, size)
                .isBetween(expected * 0.9, expected + 2.0);
    }

    @Test
    void defectiveOutputsArePaidAndBrokenTheWayAskedThenTheSandboxRendersSoundClipsAgain() throws Exception {
        JsonNode before = sandbox.counters();
        FrameQuality quality = new FrameQuality(FfmpegBinaries.shipped());

        sandbox.armFaults("{\"defectiveOutputs\":1,\"outputDefect\":\"wrong-size\"}");
        ProbeResult small = PROBE.probe(completedDownload("small.mp4", "640x360"));
        sandbox.armFaults("{\"defectiveOutputs\":1}");
        List<FrameStretch> black = quality.scan(completedDownload("black.mp4", "640x360"));
        sandbox.armFaults("{\"defectiveOutputs\":1,\"outputDefect\":\"frozen\"}");
        List<FrameStretch> frozen = quality.scan(completedDownload("frozen.mp4", "640x360"));
        sandbox.armFaults("{\"defectiveOutputs\":1,\"outputDefect\":\"corrupt\"}");
        Path corrupt = completedDownload("corrupt.mp4", "640x360");
        Path sound = completedDownload("sound.mp4", "640x360");

        assertThat(small.width()).isEqualTo(320);
        assertThat(small.height()).isEqualTo(180);
        assertThat(black).extracting(FrameStretch::kind).contains(FrameStretch.Kind.BLACK);
        assertThat(black.get(0).startSeconds()).isCloseTo(1.0, within(0.05));
        assertThat(frozen).extracting(FrameStretch::kind).containsExactly(FrameStretch.Kind.FROZEN);
        assertThat(PROBE.probe(corrupt).durationSeconds()).isCloseTo(4.0, within(0.1));
        assertThatThrownBy(() -> quality.scan(corrupt)).isInstanceOf(MediaToolException.class);
        assertThat(quality.scan(sound)).isEmpty();
        assertThat(PROBE.probe(sound).width()).isEqualTo(640);
        assertThat(delta(sandbox.counters(), before, "submissions", "veo-3.1")).isEqualTo(5);
        assertThat(delta(sandbox.counters(), before, "billedSeconds", "veo-3.1")).isEqualTo(20);
    }

    @Test
    void anUnknownOutputDefectIsRefusedWithTheKnownOnes() {
        HttpResponse<String> response = sandbox.armFaults("{\"defectiveOutputs\":1,\"outputDefect\":\"purple\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("outputDefect")
                .contains("[black, corrupt, frozen, wrong-size]").contains("purple");
    }

    @Test
    void theAdminEndpointRefusesAnImpossibleFaultAndSaysWhy() {
        HttpResponse<String> response = sandbox.armFaults("{\"failingSubmitStatus\":418}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("failingSubmitStatus");
    }

    private Path completedDownload(String name, String size) {
        String id = sandbox.createdId(form("Defective", "veo-3.1", "4", size));
        sandbox.awaitStatus(id, "completed");
        return sandbox.download(id, "video", downloads.resolve(name)).body();
    }

    private String completedVideo() {
        String id = sandbox.createdId(form("Download me", "veo-3.1", "2", "640x360"));
        sandbox.awaitStatus(id, "completed");
        return id;
    }

    private static long drain(InputStream in, long[] received) throws IOException {
        try (in) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received[0] += n;
            }
        }
        return received[0];
    }

    private static long delta(JsonNode after, JsonNode before, String map, String key) {
        return after.path(map).path(key).asLong() - before.path(map).path(key).asLong();
    }
}
