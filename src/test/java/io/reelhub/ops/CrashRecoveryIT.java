package io.reelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.support.SampleBriefs;

/**
 * Kill -9 of the hub while its jobs are rendering at a provider that keeps running (the sandbox as its own
 * process). After a restart every job is delivered once, and the provider counted exactly one paid submission per
 * job.
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BRIEFS = 3;

    @TempDir
    Path dir;

    @Test
    void jobsRenderingWhenTheHubIsKilledAreDeliveredOnceAfterARestartWithoutPayingTwice() throws Exception {
        Path hubHome = dir.resolve("hub");
        int sandboxPort = HubProcess.freePort();
        int hubPort = HubProcess.freePort();
        try (HubProcess sandbox = HubProcess.of(dir.resolve("sandbox.log"), sandboxPort, "sandbox",
                "--reelhub.home=" + dir.resolve("provider"), "--reelhub.sandbox.render-time=6s",
                "--reelhub.sandbox.poll-after=200ms").start("/sandbox/admin/counters")) {
            String[] hubArgs = {"--reelhub.home=" + hubHome, "--reelhub.sandbox.enabled=false",
                    "--reelhub.providers.sandbox.base-url=http://127.0.0.1:" + sandboxPort + "/sandbox/openai/v1",
                    "--reelhub.intake.folder.stable-window-ms=300", "--reelhub.intake.folder.poll-interval-ms=200",
                    "--reelhub.dispatch.tick=200ms", "--reelhub.dispatch.node-id=crash-test"};
            HubProcess hub = HubProcess.of(dir.resolve("hub.log"), hubPort, hubArgs).start("/actuator/health");
            for (int i = 1; i <= BRIEFS; i++) {
                dropBrief(hubHome, "crash-" + i);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> states(hub).size() == BRIEFS
                    && states(hub).stream().allMatch(s -> Set.of("SUBMITTED", "RENDERING").contains(s)));

            hub.kill();
            HubProcess restarted = HubProcess.of(dir.resolve("hub.log"), hubPort, hubArgs).start("/actuator/health");
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> states(restarted).stream().filter("DELIVERED"::equals).count() == BRIEFS);
            } finally {
                restarted.close();
            }

            JsonNode counters = JSON.readTree(sandbox.body("/sandbox/admin/counters"));
            assertThat(paidSubmissions(counters)).as("paid submissions at the provider").isEqualTo(BRIEFS);
            try (Stream<Path> clips = Files.walk(hubHome.resolve("bins"))) {
                assertThat(clips.filter(p -> p.toString().endsWith(".mp4")).count()).isEqualTo(BRIEFS);
            }
        }
    }

    private static long paidSubmissions(JsonNode counters) {
        long total = 0;
        for (JsonNode perModel : counters.path("submissions")) {
            total += perModel.asLong();
        }
        return total;
    }

    private static List<String> states(HubProcess hub) throws IOException {
        return JSON.readTree(hub.body("/api/jobs")).findValuesAsText("state");
    }

    private static void dropBrief(Path home, String id) throws IOException {
        String brief = SampleBriefs.harbour("crash-test", id);
        Path temp = home.resolve("inbox").resolve("." + id + ".tmp");
        Files.createDirectories(temp.getParent());
        Files.writeString(temp, brief);
        Files.move(temp, home.resolve("inbox").resolve(id + ".yaml"));
    }
}
