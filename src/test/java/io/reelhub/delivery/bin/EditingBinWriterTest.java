package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Delivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditingBinWriterTest {

    private static final Instant FIRST_DELIVERY = Instant.parse("2026-10-21T08:05:00Z");
    private static final Instant LATER = Instant.parse("2026-10-22T09:00:00Z");
    // Files are backdated to this, so "not rewritten" is visible without waiting for the clock to tick.
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path tmp;
    private Path bins;
    private Path work;
    private Path bin;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void folders() throws IOException {
        bins = Files.createDirectories(tmp.resolve("bins"));
        work = Files.createDirectories(tmp.resolve("work"));
        bin = bins.resolve("acme-spring").resolve("acme-spring-sc01");
    }

    @Test
    void theClipTimelineAndSidecarLandAtTheirExactNames() throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames of sh010, take one");

        BinDelivery result = writerAt(FIRST_DELIVERY).deliver(SampleDeliveries.delivery(clip, 1), bins.toString());

        assertThat(result.files()).containsExactly(
                bin.resolve("sh010_v001.mp4"), bin.resolve("sh010_v001.otio"), bin.resolve("sh010_v001.reelhub.json"));
        assertThat(result.outputs()).containsExactly(
                bin.resolve("sh010_v001.mp4").toString(), bin.resolve("sh010_v001.otio").toString(),
                bin.resolve("sh010_v001.reelhub.json").toString());
        assertThat(fileNames(bin)).containsExactly("sh010_v001.mp4", "sh010_v001.otio", "sh010_v001.reelhub.json");
        assertThat(bin.resolve("sh010_v001.mp4")).hasSameBinaryContentAs(clip);
    }

    @Test
    void theTimelineLinksAndTheSidecarFingerprintsTheDeliveredClip() throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames of sh010, take one");

        writerAt(FIRST_DELIVERY).deliver(SampleDeliveries.delivery(clip, 1), bins.toString());

        Path delivered = bin.resolve("sh010_v001.mp4");
        JsonNode otioClip = json.readTree(bin.resolve("sh010_v001.otio").toFile())
                .path("tracks").path("children").get(0).path("children").get(0);
        assertThat(otioClip.path("media_references").path("DEFAULT_MEDIA").path("target_url").asText())
                .isEqualTo(delivered.toUri().toString());
        JsonNode sidecar = json.readTree(bin.resolve("sh010_v001.reelhub.json").toFile());
        assertThat(sidecar.path("clip").path("file").asText()).isEqualTo("sh010_v001.mp4");
        assertThat(sidecar.path("clip").path("size_bytes").asLong()).isEqualTo(Files.size(delivered));
        assertThat(sidecar.path("clip").path("sha256").asText()).isEqualTo(sha256(delivered));
        assertThat(sidecar.path("delivered_at").asText()).isEqualTo("2026-10-21T08:05:00Z");
    }

    @Test
    void aNewVersionLandsBesideTheOldOneWithoutTouchingIt() throws IOException {
        Path take1 = SampleDeliveries.clipFile(work, "take1.mp4", "frames of sh010, take one");
        Path take2 = SampleDeliveries.clipFile(work, "take2.mp4", "frames of sh010, take two, after the edit");
        writerAt(FIRST_DELIVERY).deliver(SampleDeliveries.delivery(take1, 1), bins.toString());
        Map<Path, String> v001 = backdateAndFingerprint(bin);

        writerAt(LATER).deliver(SampleDeliveries.delivery(take2, 2), bins.toString());

        assertThat(fingerprints(v001.keySet())).isEqualTo(v001);
        assertThat(fileNames(bin)).containsExactly(
                "sh010_v001.mp4", "sh010_v001.otio", "sh010_v001.reelhub.json",
                "sh010_v002.mp4", "sh010_v002.otio", "sh010_v002.reelhub.json");
        assertThat(bin.resolve("sh010_v002.mp4")).hasSameBinaryContentAs(take2);
    }

    @Test
    void anIdenticalRedeliveryAfterACrashSucceedsAndChangesNothing() throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames of sh010, take one");
        Delivery delivery = SampleDeliveries.delivery(clip, 1);
        BinDelivery first = writerAt(FIRST_DELIVERY).deliver(delivery, bins.toString());
        Map<Path, String> before = backdateAndFingerprint(bin);

        BinDelivery again = writerAt(LATER).deliver(delivery, bins.toString());

        assertThat(again).isEqualTo(first);
        assertThat(fingerprints(before.keySet())).isEqualTo(before);
        assertThat(fileNames(bin)).hasSize(3);
    }

    @Test
    void aDeliveryInterruptedAfterTheClipCompletesWithoutRewritingTheClip() throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames of sh010, take one");
        Delivery delivery = SampleDeliveries.delivery(clip, 1);
        writerAt(FIRST_DELIVERY).deliver(delivery, bins.toString());
        Files.delete(bin.resolve("sh010_v001.reelhub.json"));
        Files.delete(bin.resolve("sh010_v001.otio"));
        Map<Path, String> clipBefore = backdateAndFingerprint(bin);

        writerAt(LATER).deliver(delivery, bins.toString());

        assertThat(fingerprints(clipBefore.keySet())).isEqualTo(clipBefore);
        assertThat(fileNames(bin)).containsExactly("sh010_v001.mp4", "sh010_v001.otio", "sh010_v001.reelhub.json");
        assertThat(json.readTree(bin.resolve("sh010_v001.reelhub.json").toFile()).path("delivered_at").asText())
                .isEqualTo("2026-10-22T09:00:00Z");
    }

    @Test
    void differentContentUnderADeliveredNameFailsNamingTheFileAndWritesNothing() throws IOException {
        Path take1 = SampleDeliveries.clipFile(work, "take1.mp4", "frames of sh010, take one");
        Path other = SampleDeliveries.clipFile(work, "other.mp4", "some other clip claiming to be v001");
        writerAt(FIRST_DELIVERY).deliver(SampleDeliveries.delivery(take1, 1), bins.toString());
        Map<Path, String> before = backdateAndFingerprint(bin);
        EditingBinWriter writer = writerAt(LATER);
        Delivery clash = SampleDeliveries.delivery(other, 1);

        assertThatThrownBy(() -> writer.deliver(clash, bins.toString()))
                .isInstanceOf(DeliveredVersionConflictException.class)
                .hasMessageContaining(bin.resolve("sh010_v001.mp4").toString())
                .hasMessageContaining("never overwritten");

        assertThat(fingerprints(before.keySet())).isEqualTo(before);
        assertThat(fileNames(bin)).hasSize(3);
    }

    @Test
    void aConflictOnTheSidecarAloneStopsTheDeliveryBeforeTheClipIsWritten() throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames of sh010, take one");
        writerAt(FIRST_DELIVERY).deliver(SampleDeliveries.delivery(clip, 1), bins.toString());
        Files.delete(bin.resolve("sh010_v001.mp4"));
        Files.writeString(bin.resolve("sh010_v001.reelhub.json"), "{\"edited\": \"by hand\"}");
        EditingBinWriter writer = writerAt(LATER);
        Delivery delivery = SampleDeliveries.delivery(clip, 1);

        assertThatThrownBy(() -> writer.deliver(delivery, bins.toString()))
                .isInstanceOf(DeliveredVersionConflictException.class)
                .hasMessageContaining(bin.resolve("sh010_v001.reelhub.json").toString());

        assertThat(fileNames(bin)).containsExactly("sh010_v001.otio", "sh010_v001.reelhub.json");
    }

    @ParameterizedTest(name = "project={0} brief={1} shot={2}")
    @CsvSource({
            "..,         acme-spring-sc01, sh010",
            "acme-spring, ..,              sh010",
            "acme-spring, ../../etc,       sh010",
            "acme-spring, acme-spring-sc01, ../sh010",
            "acme-spring, acme-spring-sc01, sh/010",
            "/abs,        acme-spring-sc01, sh010",
            ".,           acme-spring-sc01, sh010",
            ".hidden,     acme-spring-sc01, sh010",
            "Acme,        acme-spring-sc01, sh010",
            "acme spring, acme-spring-sc01, sh010",
            "'',          acme-spring-sc01, sh010",
    })
    void idsThatCouldLeaveTheBinsFolderAreRefusedBeforeAnythingIsWritten(String project, String briefId,
            String shot) throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames");
        EditingBinWriter writer = writerAt(FIRST_DELIVERY);
        Delivery hostile = SampleDeliveries.delivery(project, briefId, shot, 1, clip);

        assertThatThrownBy(() -> writer.deliver(hostile, bins.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot name a bin folder or file");

        try (Stream<Path> anything = Files.walk(tmp)) {
            assertThat(anything.filter(p -> !p.startsWith(work)).filter(p -> !p.equals(tmp)))
                    .containsExactly(bins);
        }
    }

    @Test
    void aVersionBelowOneIsRefused() throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames");
        EditingBinWriter writer = writerAt(FIRST_DELIVERY);

        assertThatThrownBy(() -> writer.deliver(SampleDeliveries.delivery(clip, 0), bins.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void aMissingBinsFolderFailsInsteadOfBeingCreated() throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames");
        Path unmounted = tmp.resolve("mnt").resolve("post");
        EditingBinWriter writer = writerAt(FIRST_DELIVERY);

        assertThatThrownBy(() -> writer.deliver(SampleDeliveries.delivery(clip, 1), unmounted.toString()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(unmounted.toString());
        assertThat(tmp.resolve("mnt")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankBinsFolderIsRefusedRatherThanTakenAsTheWorkingDirectory(String blank) throws IOException {
        Path clip = SampleDeliveries.clipFile(work, "download-1.mp4", "frames");
        EditingBinWriter writer = writerAt(FIRST_DELIVERY);

        assertThatThrownBy(() -> writer.deliver(SampleDeliveries.delivery(clip, 1), blank))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("binsDir is required");
    }

    @Test
    void aMissingClipFailsAndLeavesNoFileInTheBin() throws IOException {
        EditingBinWriter writer = writerAt(FIRST_DELIVERY);
        Delivery lost = SampleDeliveries.delivery(work.resolve("never-downloaded.mp4"), 1);

        assertThatThrownBy(() -> writer.deliver(lost, bins.toString())).isInstanceOf(NoSuchFileException.class);

        try (Stream<Path> inBins = Files.walk(bins)) {
            assertThat(inBins.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private static EditingBinWriter writerAt(Instant now) {
        return new EditingBinWriter(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Every name in the folder, hidden temporary files included, in order. */
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
            result.put(file, Files.getLastModifiedTime(file) + " " + sha256(file));
        }
        return result;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
