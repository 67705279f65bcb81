package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.reelhub.delivery.Delivery;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.TempHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A brief with three shots of different lengths, dropped in the inbox, ends in the editing bin as three clips and
 * one timeline of them in the brief's order, in FCPXML, OTIO, ALE and EDL; delivering again changes nothing, and an
 * edited brief becomes v002 beside an untouched v001.
 */
@HubTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BriefToEditingBinTimelineTest {

    private static final Path HOME = TempHome.create("brief-to-bin-timeline");
    private static final Path BIN = HOME.resolve("bins/acme-spring/night-chase");
    /** The brief's order, which is not the order of the ids (the ledger lists children by id). */
    private static final List<String> SHOTS = List.of("establish", "walk", "reveal");
    private static final List<Integer> SECONDS = List.of(6, 4, 8);
    private static final String BRIEF = """
            brief: 1
            id: night-chase
            project: acme-spring
            title: Night chase
            stage: post-production
            model: veo-3.1
            prompt:
              scene: Rain-soaked neon street in Tokyo at night, light drizzle
              characters: A courier in a yellow rain jacket
              action: He runs through the crowd
              tone: Tense
              style: Anamorphic 35mm, teal-orange grade
            params: {aspect: "16:9", resolution: 720p, seed: %d}
            shots:
              - id: establish
                action: Wide shot of the crossing, the courier enters from the left & "stops"
                seconds: 6
              - id: walk
                action: He walks toward camera under a flickering sign
                seconds: 4
              - id: reveal
                action: He looks up as a drone passes overhead, then turns away
                seconds: 8
            """;
    private static final Map<Path, String> V001 = new LinkedHashMap<>();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    TestRestTemplate rest;

    private final Inbox inbox = new Inbox(HOME);
    // Decimals as written (a cost of 1.60 stays 1.60), so a delivery rebuilt from a sidecar is the same delivery.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    @Test
    @Order(1)
    void theThreeShotsLandWithOneTimelineInEveryFormatInTheBriefsOrder() throws Exception {
        inbox.drop("night-chase.yaml", BRIEF.formatted(42));

        await().atMost(Duration.ofSeconds(120)).until(() -> timelineComplete("v001"));

        for (String shot : SHOTS) {
            assertThat(BIN.resolve(shot + "_v001.mp4")).isRegularFile();
            assertThat(BIN.resolve(shot + "_v001.otio")).isRegularFile();
        }
        List<String> names = SHOTS.stream().map(shot -> shot + "_v001").toList();
        List<Long> frames = new ArrayList<>();
        for (int i = 0; i < SHOTS.size(); i++) {
            JsonNode clip = json.readTree(BIN.resolve(names.get(i) + ".reelhub.json").toFile()).path("clip");
            assertThat(clip.path("duration_seconds").asDouble()).isBetween(SECONDS.get(i) - 0.1, SECONDS.get(i) + 0.1);
            frames.add(Math.round(clip.path("duration_seconds").asDouble() * clip.path("fps").asDouble()));
        }

        Document fcpxml = FcpxmlWriterTest.parse(Files.readAllBytes(BIN.resolve("night-chase_v001.fcpxml")));
        Element event = FcpxmlWriterTest.event(fcpxml);
        List<Element> binClips = FcpxmlWriterTest.children(event, "asset-clip");
        assertThat(binClips).extracting(clip -> clip.getAttribute("name")).isEqualTo(names);
        assertThat(binClips).extracting(clip -> clip.getAttribute("duration"))
                .isEqualTo(frames.stream().map(f -> f + "/24s").toList());
        List<Element> spine = FcpxmlWriterTest.children(FcpxmlWriterTest.child(FcpxmlWriterTest.child(
                FcpxmlWriterTest.child(event, "project"), "sequence"), "spine"), "asset-clip");
        assertThat(spine).extracting(clip -> clip.getAttribute("name")).isEqualTo(names);
        assertThat(spine).extracting(clip -> clip.getAttribute("offset")).containsExactly("86400/24s",
                (86400 + frames.get(0)) + "/24s", (86400 + frames.get(0) + frames.get(1)) + "/24s");
        assertThat(FcpxmlWriterTest.child(binClips.get(0), "note").getTextContent())
                .contains("brief night-chase v001", "shot establish", "model veo-3.1", "seed 42");

        JsonNode otio = json.readTree(BIN.resolve("night-chase_v001.otio").toFile());
        JsonNode otioClips = otio.path("tracks").path("children").get(0).path("children");
        assertThat(otioClips).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(otioClips.get(i).path("OTIO_SCHEMA").asText()).isEqualTo("Clip.2");
            assertThat(otioClips.get(i).path("name").asText()).isEqualTo(names.get(i));
            assertThat(otioClips.get(i).path("source_range").path("duration").path("value").asLong())
                    .isEqualTo(frames.get(i));
            JsonNode lineage = otioClips.get(i).path("metadata").path("reelhub");
            assertThat(lineage.path("brief_id").asText()).isEqualTo("night-chase");
            assertThat(lineage.path("seed").asLong()).isEqualTo(42);
            assertThat(lineage.path("prompt").asText()).contains("courier");
            assertThat(lineage.path("ai_generated").asBoolean()).isTrue();
        }

        List<Map<String, String>> rows = AleWriterTest.rows(Files.readAllBytes(BIN.resolve("night-chase_v001.ale")));
        assertThat(rows).extracting(row -> row.get("Name")).isEqualTo(names);
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("Brief", "night-chase")
                .containsEntry("Version", "v001").containsEntry("Model", "veo-3.1").containsEntry("Seed", "42")
                .containsEntry("AI_Generated", "Yes"));
        assertThat(rows.get(0).get("Prompt")).contains("& \"stops\"");

        byte[] edl = Files.readAllBytes(BIN.resolve("night-chase_v001.edl"));
        List<Cmx3600EdlWriterTest.Event> events = Cmx3600EdlWriterTest.events(edl);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).recordIn()).isEqualTo("01:00:00:00");
        assertThat(events.get(0).recordOut()).isEqualTo(events.get(1).recordIn());
        assertThat(events.get(1).recordOut()).isEqualTo(events.get(2).recordIn());
        assertThat(new String(edl)).contains("* FROM CLIP NAME: establish_v001.mp4\n",
                "* FROM CLIP NAME: walk_v001.mp4\n", "* FROM CLIP NAME: reveal_v001.mp4\n",
                "* COMMENT: AI-GENERATED (IPTC trainedAlgorithmicMedia) model veo-3.1 seed 42\n");
        assertThat(new String(edl).indexOf("establish_v001")).isLessThan(new String(edl).indexOf("walk_v001"));
        assertThat(new String(edl).indexOf("walk_v001")).isLessThan(new String(edl).indexOf("reveal_v001"));

        JsonNode parent = await().atMost(Duration.ofSeconds(30)).until(() -> parentJob("v001"),
                job -> job != null && job.path("state").asText().equals("DELIVERED"));
        assertThat(parent.path("children")).hasSize(3);
        V001.putAll(backdateAndFingerprint(BIN));
    }

    @Test
    @Order(2)
    void deliveringEveryShotAgainRewritesNothingAndReportsTheTimeline() throws Exception {
        for (String shot : SHOTS) {
            Delivery again = fromSidecar(BIN.resolve(shot + "_v001.reelhub.json"));

            Exchange done = producer.request("direct:deliver-to-editing-bin",
                    exchange -> exchange.getMessage().setBody(again));

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader("ReelHubOutputs", List.class)).containsExactly(
                    BIN.resolve(shot + "_v001.mp4").toString(), BIN.resolve(shot + "_v001.otio").toString(),
                    BIN.resolve(shot + "_v001.reelhub.json").toString(),
                    BIN.resolve("night-chase_v001.fcpxml").toString(), BIN.resolve("night-chase_v001.otio").toString(),
                    BIN.resolve("night-chase_v001.ale").toString(), BIN.resolve("night-chase_v001.edl").toString());
        }

        assertThat(fingerprints(V001.keySet())).isEqualTo(V001);
        assertThat(fileNames(BIN)).hasSize(13);
    }

    @Test
    @Order(3)
    void anEditedBriefBecomesVersionTwoWithItsOwnTimelineBesideAnUntouchedVersionOne() throws Exception {
        inbox.drop("night-chase.yaml", BRIEF.formatted(43));

        await().atMost(Duration.ofSeconds(120)).until(() -> timelineComplete("v002"));

        assertThat(fingerprints(V001.keySet())).isEqualTo(V001);
        assertThat(fileNames(BIN)).hasSize(26);
        List<Map<String, String>> rows = AleWriterTest.rows(Files.readAllBytes(BIN.resolve("night-chase_v002.ale")));
        assertThat(rows).extracting(row -> row.get("Name"))
                .containsExactly("establish_v002", "walk_v002", "reveal_v002");
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("Seed", "43"));
    }

    private static boolean timelineComplete(String version) {
        return BriefTimelineFiles.EXTENSIONS.stream()
                .allMatch(extension -> Files.exists(BIN.resolve("night-chase_" + version + "." + extension)));
    }

    private JsonNode parentJob(String version) {
        for (JsonNode job : rest.getForObject("/api/jobs?project=acme-spring", JsonNode.class)) {
            if (job.path("version").asText().equals(version)) {
                return rest.getForObject("/api/jobs/" + job.path("id").asText(), JsonNode.class);
            }
        }
        return null;
    }

    /** The delivery the hub made for a shot, rebuilt from its sidecar, its clip now the one in the bin. */
    private Delivery fromSidecar(Path sidecar) throws IOException {
        JsonNode s = json.readTree(sidecar.toFile());
        JsonNode clip = s.path("clip");
        return new Delivery(s.path("job_id").asText(), s.path("brief_id").asText(), s.path("project").asText(),
                s.path("version").asInt(), s.path("shot").asText(), s.path("stage").asText(), s.path("title").asText(),
                s.path("model").asText(), s.path("provider").asText(), s.path("provider_job_id").asText(),
                s.path("seed").asLong(), s.path("prompt").asText(), s.path("cost_estimate_usd").decimalValue(),
                s.path("sandbox").asBoolean(), sidecar.resolveSibling(clip.path("file").asText()),
                clip.path("width").asInt(), clip.path("height").asInt(), clip.path("duration_seconds").asDouble(),
                clip.path("fps").asDouble(), Instant.parse(s.path("created_at").asText()),
                Instant.parse(s.path("rendered_at").asText()), clip.path("has_audio").asBoolean());
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<Path, String> backdateAndFingerprint(Path folder) throws Exception {
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (String name : fileNames(folder)) {
            Files.setLastModifiedTime(folder.resolve(name), longAgo);
        }
        return fingerprints(fileNames(folder).stream().map(folder::resolve).toList());
    }

    private static Map<Path, String> fingerprints(Iterable<Path> files) throws Exception {
        Map<Path, String> result = new LinkedHashMap<>();
        for (Path file : files) {
            result.put(file, Files.getLastModifiedTime(file) + " " + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
        return result;
    }
}
