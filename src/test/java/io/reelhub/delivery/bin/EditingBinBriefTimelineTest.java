package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Delivery;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A brief version's shots arrive in the bin one delivery at a time, in any order; the delivery that completes the
 * version adds its timeline in every format, the shots in the brief's order.
 */
class EditingBinBriefTimelineTest {

    private static final Instant FIRST = Instant.parse("2026-10-21T08:05:00Z");
    private static final Instant LATER = Instant.parse("2026-10-22T09:00:00Z");
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    /** Planned order, which is not the order of the ids. */
    private static final List<String> SHOTS = List.of("establish", "walk", "reveal");
    private static final List<String> TIMELINE_FILES = List.of("acme-spring-sc01_v001.ale",
            "acme-spring-sc01_v001.edl", "acme-spring-sc01_v001.fcpxml", "acme-spring-sc01_v001.otio");

    @TempDir
    Path tmp;
    private Path bins;
    private Path work;
    private Path bin;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void folders() throws IOException {
        bins = Files.createDirectories(tmp.resolve("bins"));
        work = Files.createDirectories(tmp.resolve("work"));
        bin = bins.resolve("acme-spring").resolve("acme-spring-sc01");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void theTimelineAppearsWithTheLastPlannedShotWhateverTheOrderOfArrival() throws Exception {
        EditingBinWriter writer = writer(FIRST, SHOTS);

        BinDelivery reveal = writer.deliver(shot("reveal", 8, 1), bins.toString());
        BinDelivery walk = writer.deliver(shot("walk", 6, 1), bins.toString());
        assertThat(reveal.files()).hasSize(3);
        assertThat(walk.files()).hasSize(3);
        assertThat(fileNames(bin)).noneMatch(name -> name.startsWith("acme-spring-sc01_v001"));

        BinDelivery establish = writer.deliver(shot("establish", 4, 1), bins.toString());

        assertThat(establish.files()).extracting(file -> file.getFileName().toString()).containsExactly(
                "establish_v001.mp4", "establish_v001.otio", "establish_v001.reelhub.json",
                "acme-spring-sc01_v001.fcpxml", "acme-spring-sc01_v001.otio", "acme-spring-sc01_v001.ale",
                "acme-spring-sc01_v001.edl");
        assertThat(fileNames(bin)).containsAll(TIMELINE_FILES).hasSize(9 + 4);
        assertInBriefOrder(bin, "acme-spring-sc01_v001", List.of(4.0, 6.0, 8.0));
    }

    @Test
    void aBriefWithOneClipGetsItsTimelineWithThatClip() throws Exception {
        BinDelivery result = writer(FIRST, List.of("sh010")).deliver(shot("sh010", 4, 1), bins.toString());

        assertThat(result.files()).hasSize(7);
        assertThat(fileNames(bin)).containsExactly("acme-spring-sc01_v001.ale", "acme-spring-sc01_v001.edl",
                "acme-spring-sc01_v001.fcpxml", "acme-spring-sc01_v001.otio", "sh010_v001.mp4", "sh010_v001.otio",
                "sh010_v001.reelhub.json");
        JsonNode clips = json.readTree(bin.resolve("acme-spring-sc01_v001.otio").toFile())
                .path("tracks").path("children").get(0).path("children");
        assertThat(clips).hasSize(1);
        assertThat(clips.get(0).path("media_references").path("DEFAULT_MEDIA").path("target_url").asText())
                .isEqualTo(bin.resolve("sh010_v001.mp4").toUri().toString());
    }

    @Test
    void redeliveringAnyShotOfACompleteBriefRewritesNothingAndReportsTheSameFiles() throws Exception {
        EditingBinWriter first = writer(FIRST, SHOTS);
        List<BinDelivery> delivered = new ArrayList<>();
        for (String name : SHOTS) {
            delivered.add(first.deliver(shot(name, 4, 1), bins.toString()));
        }
        Map<Path, String> before = backdateAndFingerprint(bin);

        EditingBinWriter again = writer(LATER, SHOTS);
        BinDelivery walkAgain = again.deliver(shot("walk", 4, 1), bins.toString());
        BinDelivery establishAgain = again.deliver(shot("establish", 4, 1), bins.toString());

        assertThat(fingerprints(before.keySet())).isEqualTo(before);
        assertThat(fileNames(bin)).hasSize(13);
        assertThat(walkAgain.files()).containsAll(delivered.get(2).files().subList(3, 7)).hasSize(7);
        assertThat(establishAgain.files().subList(0, 3)).isEqualTo(delivered.get(0).files());
    }

    @Test
    void theLastTwoShotsDeliveredAtOnceLeaveOneCompleteTimeline() throws Exception {
        writer(FIRST, SHOTS).deliver(shot("establish", 4, 1), bins.toString());
        CountDownLatch start = new CountDownLatch(1);
        Callable<BinDelivery> walk = () -> {
            start.await();
            return writer(FIRST, SHOTS).deliver(shot("walk", 6, 1), bins.toString());
        };
        Callable<BinDelivery> reveal = () -> {
            start.await();
            return writer(LATER, SHOTS).deliver(shot("reveal", 8, 1), bins.toString());
        };
        Future<BinDelivery> walking = threads.submit(walk);
        Future<BinDelivery> revealing = threads.submit(reveal);

        start.countDown();

        List<Path> reported = new ArrayList<>(walking.get().files());
        reported.addAll(revealing.get().files());
        assertThat(reported).extracting(file -> file.getFileName().toString()).containsAll(TIMELINE_FILES);
        assertThat(fileNames(bin)).hasSize(13).noneMatch(name -> name.startsWith("."));
        assertInBriefOrder(bin, "acme-spring-sc01_v001", List.of(4.0, 6.0, 8.0));
    }

    @Test
    void anEditedBriefGetsAVersionTwoTimelineBesideTheUntouchedFirst() throws Exception {
        for (String name : SHOTS) {
            writer(FIRST, SHOTS).deliver(shot(name, 4, 1), bins.toString());
        }
        Map<Path, String> v001 = backdateAndFingerprint(bin);

        for (String name : SHOTS) {
            writer(LATER, SHOTS).deliver(shot(name, 6, 2), bins.toString());
        }

        assertThat(fingerprints(v001.keySet())).isEqualTo(v001);
        assertThat(fileNames(bin)).hasSize(26).contains("acme-spring-sc01_v002.fcpxml", "acme-spring-sc01_v002.otio",
                "acme-spring-sc01_v002.ale", "acme-spring-sc01_v002.edl");
        assertInBriefOrder(bin, "acme-spring-sc01_v002", List.of(6.0, 6.0, 6.0));
        Element clip = FcpxmlWriterTest.children(FcpxmlWriterTest.event(fcpxml("acme-spring-sc01_v002")),
                "asset-clip").get(0);
        assertThat(clip.getAttribute("name")).isEqualTo("establish_v002");
    }

    @Test
    void clipsThatAreNotOneTimelineGetNoBriefTimeline() throws Exception {
        EditingBinWriter variations = new EditingBinWriter(Clock.fixed(FIRST, ZoneOffset.UTC),
                delivery -> Optional.empty(), null);

        BinDelivery result = variations.deliver(shot("var01", 4, 1), bins.toString());

        assertThat(result.files()).hasSize(3);
        assertThat(fileNames(bin)).containsExactly("var01_v001.mp4", "var01_v001.otio", "var01_v001.reelhub.json");
    }

    @Test
    void aBriefWithAShotOfItsOwnIdKeepsTheShotsTimelineAndNamesItsOwnApart() throws Exception {
        Delivery sameName = withBriefId(shot("acme-spring-sc01", 4, 1));

        writer(FIRST, List.of("acme-spring-sc01")).deliver(sameName, bins.toString());

        assertThat(fileNames(bin)).contains("acme-spring-sc01_v001.otio", "acme-spring-sc01_v001_timeline.otio",
                "acme-spring-sc01_v001_timeline.fcpxml", "acme-spring-sc01_v001_timeline.ale",
                "acme-spring-sc01_v001_timeline.edl");
        assertThat(json.readTree(bin.resolve("acme-spring-sc01_v001.otio").toFile()).path("name").asText())
                .isEqualTo("acme-spring-sc01 acme-spring-sc01_v001");
    }

    @Test
    void anUnreadableSiblingSidecarFailsTheTimelineNamingTheFile() throws Exception {
        EditingBinWriter writer = writer(FIRST, SHOTS);
        writer.deliver(shot("establish", 4, 1), bins.toString());
        writer.deliver(shot("walk", 4, 1), bins.toString());
        Files.writeString(bin.resolve("establish_v001.reelhub.json"), "{ edited by hand");

        assertThatThrownBy(() -> writer.deliver(shot("reveal", 4, 1), bins.toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(bin.resolve("establish_v001.reelhub.json").toString());

        assertThat(fileNames(bin)).noneMatch(name -> name.startsWith("acme-spring-sc01_v001"));
    }

    @Test
    void timelinesLinkMediaWhereTheEditorsMountTheBins() throws Exception {
        writer(FIRST, List.of("sh010")).deliver(shot("sh010", 4, 1), bins.toString(), false,
                "file:///Volumes/Post%20Production/bins");

        String expected = "file:///Volumes/Post%20Production/bins/acme-spring/acme-spring-sc01/sh010_v001.mp4";
        assertThat(json.readTree(bin.resolve("sh010_v001.otio").toFile()).findValue("target_url").asText())
                .isEqualTo(expected);
        assertThat(json.readTree(bin.resolve("acme-spring-sc01_v001.otio").toFile()).findValue("target_url")
                .asText()).isEqualTo(expected);
        Element resources = FcpxmlWriterTest.child(fcpxml("acme-spring-sc01_v001").getDocumentElement(),
                "resources");
        assertThat(FcpxmlWriterTest.child(FcpxmlWriterTest.child(resources, "asset"), "media-rep")
                .getAttribute("src")).isEqualTo(expected);
    }

    @Test
    void anEditorsBinsUrlWithOneSlashStillGivesTheUsualFileUrls() throws Exception {
        writer(FIRST, List.of("sh010")).deliver(shot("sh010", 4, 1), bins.toString(), false, "file:/Volumes/Post/");

        assertThat(json.readTree(bin.resolve("sh010_v001.otio").toFile()).findValue("target_url").asText())
                .isEqualTo("file:///Volumes/Post/acme-spring/acme-spring-sc01/sh010_v001.mp4");
    }

    @Test
    void anEditorsBinsUrlThatIsNotAFileUrlIsRefusedBeforeAnythingIsWritten() throws Exception {
        EditingBinWriter writer = writer(FIRST, List.of("sh010"));
        Delivery delivery = shot("sh010", 4, 1);

        assertThatThrownBy(() -> writer.deliver(delivery, bins.toString(), false, "smb://nas/post/bins"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("editorsBinsUrl").hasMessageContaining("smb://nas/post/bins");
        assertThatThrownBy(() -> writer.deliver(delivery, bins.toString(), false, "file:///Volumes/Post Bins/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("%20");

        assertThat(bin).doesNotExist();
    }

    @Test
    void askingForAMezzanineWithoutAnEncoderFailsBeforeAnythingIsWritten() throws Exception {
        EditingBinWriter writer = writer(FIRST, List.of("sh010"));
        Delivery delivery = shot("sh010", 4, 1);

        assertThatThrownBy(() -> writer.deliver(delivery, bins.toString(), true, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ProRes");

        assertThat(bin).doesNotExist();
    }

    /** Every format lists the shots in the brief's order, with their lengths. */
    private void assertInBriefOrder(Path folder, String stem, List<Double> seconds) throws Exception {
        String label = stem.substring(stem.length() - 4);
        List<String> names = SHOTS.stream().map(shot -> shot + "_" + label).toList();
        List<Long> frames = seconds.stream().map(s -> Math.round(s * 24)).toList();

        Document fcpxml = fcpxml(stem);
        List<Element> spine = FcpxmlWriterTest.children(FcpxmlWriterTest.child(FcpxmlWriterTest.child(
                FcpxmlWriterTest.child(FcpxmlWriterTest.event(fcpxml), "project"), "sequence"), "spine"),
                "asset-clip");
        assertThat(spine).extracting(clip -> clip.getAttribute("name")).isEqualTo(names);
        assertThat(spine).extracting(clip -> clip.getAttribute("duration"))
                .isEqualTo(frames.stream().map(f -> f + "/24s").toList());
        assertThat(FcpxmlWriterTest.children(FcpxmlWriterTest.event(fcpxml), "asset-clip"))
                .extracting(clip -> clip.getAttribute("name")).isEqualTo(names);

        JsonNode otio = json.readTree(folder.resolve(stem + ".otio").toFile());
        List<String> otioNames = new ArrayList<>();
        otio.path("tracks").path("children").get(0).path("children")
                .forEach(clip -> otioNames.add(clip.path("name").asText()));
        assertThat(otioNames).isEqualTo(names);

        assertThat(AleWriterTest.rows(Files.readAllBytes(folder.resolve(stem + ".ale"))))
                .extracting(row -> row.get("Name")).isEqualTo(names);

        List<Cmx3600EdlWriterTest.Event> events = Cmx3600EdlWriterTest.events(
                Files.readAllBytes(folder.resolve(stem + ".edl")));
        assertThat(events).hasSize(names.size());
        List<String> edl = Files.readAllLines(folder.resolve(stem + ".edl"));
        assertThat(edl.stream().filter(line -> line.startsWith("* FROM CLIP NAME: ")).toList())
                .isEqualTo(names.stream().map(name -> "* FROM CLIP NAME: " + name + ".mp4").toList());
        for (int i = 0; i + 1 < events.size(); i++) {
            assertThat(events.get(i).recordOut()).isEqualTo(events.get(i + 1).recordIn());
        }
    }

    private Document fcpxml(String stem) throws Exception {
        return FcpxmlWriterTest.parse(Files.readAllBytes(bin.resolve(stem + ".fcpxml")));
    }

    private static EditingBinWriter writer(Instant now, List<String> plan) {
        return new EditingBinWriter(Clock.fixed(now, ZoneOffset.UTC), delivery -> Optional.of(plan), null);
    }

    /** A delivered shot of {@code acme-spring-sc01}, its few bytes of "clip" different per shot and version. */
    private Delivery shot(String shot, double seconds, int version) throws IOException {
        Path clip = SampleDeliveries.clipFile(work, shot + "-v" + version + ".mp4", "frames of " + shot + " v"
                + version);
        return new Delivery("job-" + shot, "acme-spring-sc01", "acme-spring", version, shot, "post-production",
                "Opening hook", "veo-3.1", "sandbox", "sbx-op-" + shot, 42L, "Neon street, shot " + shot,
                new BigDecimal("3.20"), true, clip, 1280, 720, seconds, 24.0, SampleDeliveries.CREATED,
                SampleDeliveries.RENDERED, false);
    }

    private static Delivery withBriefId(Delivery d) {
        return new Delivery(d.jobId(), "acme-spring-sc01", d.project(), d.version(), d.shotId(), d.stage(), d.title(),
                d.model(), d.provider(), d.providerJobId(), d.seed(), d.prompt(), d.costEstimateUsd(), d.sandbox(),
                d.clip(), d.width(), d.height(), d.durationSeconds(), d.fps(), d.createdAt(), d.renderedAt(),
                d.hasAudio());
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<Path, String> backdateAndFingerprint(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, LONG_AGO);
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return fingerprints(files.sorted().toList());
        }
    }

    private static Map<Path, String> fingerprints(Iterable<Path> files) throws IOException {
        Map<Path, String> result = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                result.put(file, Files.getLastModifiedTime(file) + " " + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }
}
