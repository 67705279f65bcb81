package io.reelhub.sandbox;

import static io.reelhub.sandbox.SandboxHttp.form;
import static io.reelhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox is the "provider": stopping and starting it must lose nothing it accepted. Two application contexts
 * in turn on one home folder stand for the process before and after the restart.
 */
class SandboxRestartTest {

    private static final MediaProbe PROBE = new MediaProbe(FfmpegBinaries.shipped());

    private final Path home = SandboxApiTestBase.testHome("sandbox-restart-");

    @TempDir
    Path downloads;

    @Test
    void completedVideosKeysCountersAndUnfinishedJobsSurviveARestart() throws Exception {
        String finished;
        String interrupted;
        JsonNode countersAtStop;
        try (ConfigurableApplicationContext before = start("--reelhub.sandbox.render-time=1500ms")) {
            SandboxHttp sandbox = new SandboxHttp(port(before));
            finished = sandbox.createdId(form("Finished before the restart", "veo-3.1", "2", "640x360"),
                    "Idempotency-Key", "restart-key-1");
            List<Integer> progress = progressUntilCompleted(sandbox, finished);
            assertThat(progress).as("progress while in_progress").isSorted()
                    .anySatisfy(p -> assertThat(p).isBetween(1, 99));

            interrupted = sandbox.createdId(form("Still rendering at the stop", "kling-2.1", "8", "1280x720"));
            assertThat(sandbox.video(interrupted).path("status").asText()).isIn("queued", "in_progress");
            countersAtStop = sandbox.counters();
        }
        JsonNode onDisk = SandboxHttp.JSON.readTree(home.resolve("sandbox/videos/" + interrupted + ".json").toFile());
        assertThat(onDisk.path("status").asText()).isIn("queued", "in_progress");

        try (ConfigurableApplicationContext after = start("--reelhub.sandbox.render-time=0")) {
            SandboxHttp sandbox = new SandboxHttp(port(after));

            JsonNode listed = json(sandbox.get("/videos?order=asc"));
            List<String> ids = new ArrayList<>();
            listed.path("data").forEach(v -> ids.add(v.path("id").asText()));
            assertThat(ids).containsExactly(finished, interrupted);

            ProbeResult early = PROBE.probe(sandbox.download(finished, "video", downloads.resolve("a.mp4")).body());
            assertThat(early.width()).isEqualTo(640);
            assertThat(early.durationSeconds()).isCloseTo(2.0, within(0.1));

            assertReplayOf(finished, sandbox.create(form("Finished before the restart", "veo-3.1", "2", "640x360"),
                    "Idempotency-Key", "restart-key-1"));

            sandbox.awaitStatus(interrupted, "completed");
            ProbeResult resumed = PROBE.probe(sandbox.download(interrupted, "video", downloads.resolve("b.mp4")).body());
            assertThat(resumed.videoCodec()).isEqualTo("h264");
            assertThat(resumed.width()).isEqualTo(1280);
            assertThat(resumed.height()).isEqualTo(720);
            assertThat(resumed.durationSeconds()).isCloseTo(8.0, within(0.1));

            JsonNode counters = sandbox.counters();
            assertThat(counters.path("submissions")).isEqualTo(countersAtStop.path("submissions"));
            assertThat(counters.path("billedSeconds").path("veo-3.1").asLong()).isEqualTo(2);
            assertThat(counters.path("billedSeconds").path("kling-2.1").asLong()).isEqualTo(8);
            assertThat(counters.path("polls").asLong()).isGreaterThan(countersAtStop.path("polls").asLong());
            assertThat(counters.path("idempotentReplays").asLong()).isEqualTo(1);
        }
    }

    private static List<Integer> progressUntilCompleted(SandboxHttp sandbox, String id) {
        List<Integer> progress = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode video = sandbox.video(id);
            if ("in_progress".equals(video.path("status").asText())) {
                progress.add(video.path("progress").asInt());
            }
            return "completed".equals(video.path("status").asText());
        });
        return progress;
    }

    private ConfigurableApplicationContext start(String... settings) {
        return SandboxServerApplication.run(Stream.concat(Stream.of("--server.port=0", "--reelhub.home=" + home,
                "--reelhub.sandbox.poll-after=20ms"), Stream.of(settings)).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void assertReplayOf(String expectedId, HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asText()).isEqualTo(expectedId);
        assertThat(response.headers().firstValue("Idempotent-Replayed")).contains("true");
    }
}
