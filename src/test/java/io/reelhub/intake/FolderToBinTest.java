package io.reelhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.TempHome;

/** The quickstart as a test: the example brief dropped in the inbox becomes a playable clip in the editing bin. */
@HubTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FolderToBinTest {

    private static final Path HOME = TempHome.create("folder-to-bin");
    private static final Path BRIEF_DIR = HOME.resolve("bins/acme-spring/neon-street");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MediaProbe probe;
    @Autowired
    ObjectMapper json;

    private final Inbox inbox = new Inbox(HOME);

    @Test
    @Order(1)
    void theExampleBriefBecomesAnH264ClipOfTheRequestedLengthAndSizeWithItsTimelineAndLineage() throws Exception {
        inbox.drop("neon-street.yaml", Files.readAllBytes(Path.of("examples/briefs/neon-street.yaml")));

        Path sidecar = BRIEF_DIR.resolve("sh010_v001.reelhub.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(sidecar));

        ProbeResult clip = probe.probe(BRIEF_DIR.resolve("sh010_v001.mp4"));
        assertThat(clip.videoCodec()).isEqualTo("h264");
        assertThat(clip.width()).isEqualTo(1280);
        assertThat(clip.height()).isEqualTo(720);
        assertThat(clip.durationSeconds()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));

        JsonNode lineage = json.readTree(sidecar.toFile());
        assertThat(lineage.path("brief_id").asText()).isEqualTo("neon-street");
        assertThat(lineage.path("version").asInt()).isEqualTo(1);
        assertThat(lineage.path("model").asText()).isEqualTo("veo-3.1");
        assertThat(lineage.path("provider").asText()).isEqualTo("sandbox");
        assertThat(lineage.path("provider_job_id").asText()).startsWith("video_");
        assertThat(lineage.path("seed").asLong()).isEqualTo(42);
        assertThat(lineage.path("prompt").asText()).contains("Rain-soaked neon street");
        assertThat(lineage.path("sandbox").asBoolean()).isTrue();
        assertThat(lineage.path("ai_generated").asBoolean()).isTrue();
        assertThat(lineage.path("cost_estimate_usd").decimalValue()).isPositive();

        JsonNode otio = json.readTree(BRIEF_DIR.resolve("sh010_v001.otio").toFile());
        assertThat(otio.findValue("target_url").asText())
                .isEqualTo(BRIEF_DIR.resolve("sh010_v001.mp4").toUri().toString());
        assertThat(inbox.done("neon-street.yaml")).exists();
        assertThat(inbox.path("neon-street.yaml")).doesNotExist();
    }

    @Test
    @Order(2)
    void theApiShowsTheDeliveredJobWithItsWholeHistory() {
        JsonNode jobs = rest.getForObject("/api/jobs?project=acme-spring", JsonNode.class);
        assertThat(jobs).hasSize(1);
        JsonNode job = rest.getForObject("/api/jobs/" + jobs.get(0).path("id").asText(), JsonNode.class);

        assertThat(job.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("version").asText()).isEqualTo("v001");
        List<String> outputs = new ArrayList<>();
        job.path("outputs").forEach(output -> outputs.add(Path.of(output.asText()).getFileName().toString()));
        // The clip's files, then the brief's timeline: a brief of one clip is complete with it.
        assertThat(outputs).containsExactly("sh010_v001.mp4", "sh010_v001.otio", "sh010_v001.reelhub.json",
                "neon-street_v001.fcpxml", "neon-street_v001.otio", "neon-street_v001.ale", "neon-street_v001.edl");
        assertThat(job.path("history").findValuesAsText("to")).containsExactly("RECEIVED", "VALIDATED", "QUEUED",
                "SUBMITTED", "RENDERING", "DOWNLOADING", "PROCESSING", "DELIVERING", "DELIVERED");
        assertThat(job.path("history").findValuesAsText("reason")).allMatch(reason -> !reason.isBlank());
    }

    @Test
    @Order(3)
    void theSameBriefDroppedAgainIsNotGeneratedTwice() throws Exception {
        inbox.drop("neon-street.yaml", Files.readAllBytes(Path.of("examples/briefs/neon-street.yaml")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(inbox.path("neon-street.yaml")));
        assertThat(doneFiles()).hasSize(2);
        assertThat(rest.getForObject("/api/jobs?project=acme-spring", JsonNode.class)).hasSize(1);
        assertThat(paidSubmissions()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void anEditedBriefBecomesVersionTwoBesideAnUntouchedVersionOne() throws Exception {
        byte[] v001 = Files.readAllBytes(BRIEF_DIR.resolve("sh010_v001.mp4"));
        String edited = Files.readString(Path.of("examples/briefs/neon-street.yaml"))
                .replace("seed: 42", "seed: 43");
        inbox.drop("neon-street.yaml", edited);

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(BRIEF_DIR.resolve("sh010_v002.reelhub.json")));
        assertThat(Files.readAllBytes(BRIEF_DIR.resolve("sh010_v001.mp4"))).isEqualTo(v001);
        assertThat(paidSubmissions()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void theHealthEndpointShowsTheWatchedFolderPolling() {
        JsonNode folder = rest.getForObject("/actuator/health", JsonNode.class)
                .path("components").path("intake").path("details").path("intake-folder");

        assertThat(folder.path("status").asText()).isEqualTo("UP");
        assertThat(folder.path("lastSuccess").asText()).isNotBlank();
        assertThat(folder.path("polledMessages").asLong()).isGreaterThanOrEqualTo(3);
    }

    private List<Path> doneFiles() throws IOException {
        try (var files = Files.list(HOME.resolve("inbox/.done"))) {
            return files.toList();
        }
    }

    private long paidSubmissions() {
        JsonNode counters = rest.getForObject("/sandbox/admin/counters", JsonNode.class);
        long total = 0;
        for (JsonNode perModel : counters.path("submissions")) {
            total += perModel.asLong();
        }
        return total;
    }
}
