package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Delivery;
import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import io.reelhub.media.ProresMezzanine;
import io.reelhub.media.TestClips;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The ProRes mezzanine asked for on a bin: a real transcode of a real clip, linked by every timeline. */
class EditingBinProresTest {

    private static final FfmpegBinaries FFMPEG = FfmpegBinaries.shipped();
    private static final Instant NOW = Instant.parse("2026-10-21T08:05:00Z");

    @TempDir
    Path tmp;
    private Path bins;
    private Path bin;
    private Path clip;
    private final ObjectMapper json = new ObjectMapper();
    private final MediaProbe probe = new MediaProbe(FFMPEG);

    @BeforeEach
    void aDownloadedClipWithSound() throws Exception {
        bins = Files.createDirectories(tmp.resolve("bins"));
        bin = bins.resolve("acme-spring").resolve("acme-spring-sc01");
        clip = TestClips.withAudio(FFMPEG, tmp.resolve("work").resolve("download.mp4"), 320, 180, "25", 2);
    }

    @Test
    void theMezzanineLandsBesideTheClipAndEveryTimelineLinksIt() throws Exception {
        BinDelivery result = writer(NOW).deliver(delivery(), bins.toString(), true, null);

        assertThat(result.files()).extracting(file -> file.getFileName().toString()).containsExactly(
                "sh010_v001.mp4", "sh010_v001.mov", "sh010_v001.otio", "sh010_v001.reelhub.json",
                "acme-spring-sc01_v001.fcpxml", "acme-spring-sc01_v001.otio", "acme-spring-sc01_v001.ale",
                "acme-spring-sc01_v001.edl");
        Path mov = bin.resolve("sh010_v001.mov");
        ProbeResult mezzanine = probe.probe(mov);
        assertThat(mezzanine.videoCodec()).isEqualTo("prores");
        assertThat(mezzanine.durationSeconds()).isCloseTo(probe.probe(clip).durationSeconds(), Offset.offset(0.04));
        assertThat(mezzanine.hasAudio()).isTrue();
        assertThat(bin.resolve("sh010_v001.mp4")).hasSameBinaryContentAs(clip);

        JsonNode sidecar = json.readTree(bin.resolve("sh010_v001.reelhub.json").toFile());
        assertThat(sidecar.path("mezzanine").path("file").asText()).isEqualTo("sh010_v001.mov");
        assertThat(sidecar.path("mezzanine").path("codec").asText()).isEqualTo("prores_422");
        assertThat(sidecar.path("mezzanine").path("sha256").asText()).isEqualTo(FileDigest.of(mov).sha256());
        assertThat(sidecar.path("clip").path("has_audio").asBoolean()).isTrue();

        String movUrl = mov.toUri().toString();
        assertThat(json.readTree(bin.resolve("sh010_v001.otio").toFile()).findValue("target_url").asText())
                .isEqualTo(movUrl);
        assertThat(json.readTree(bin.resolve("acme-spring-sc01_v001.otio").toFile()).findValue("target_url")
                .asText()).isEqualTo(movUrl);
        Element resources = FcpxmlWriterTest.child(FcpxmlWriterTest.parse(
                Files.readAllBytes(bin.resolve("acme-spring-sc01_v001.fcpxml"))).getDocumentElement(), "resources");
        Element asset = FcpxmlWriterTest.child(resources, "asset");
        assertThat(FcpxmlWriterTest.child(asset, "media-rep").getAttribute("src")).isEqualTo(movUrl);
        assertThat(asset.getAttribute("hasAudio")).isEqualTo("1");
        Map<String, String> row = AleWriterTest.rows(Files.readAllBytes(bin.resolve("acme-spring-sc01_v001.ale")))
                .get(0);
        assertThat(row).containsEntry("Source File", "sh010_v001.mov").containsEntry("Tracks", "VA1A2");
        assertThat(Files.readAllLines(bin.resolve("acme-spring-sc01_v001.edl")))
                .contains("* FROM CLIP NAME: sh010_v001.mov")
                .anyMatch(line -> line.startsWith("001  AX       B     C        00:00:00:00 00:00:02:00"));
    }

    @Test
    void aRepeatedDeliveryTranscodesToTheSameBytesAndRewritesNothing() throws Exception {
        writer(NOW).deliver(delivery(), bins.toString(), true, null);
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (String name : names(bin)) {
            Files.setLastModifiedTime(bin.resolve(name), longAgo);
        }

        writer(NOW.plusSeconds(3600)).deliver(delivery(), bins.toString(), true, null);

        assertThat(names(bin)).hasSize(8);
        for (String name : names(bin)) {
            assertThat(Files.getLastModifiedTime(bin.resolve(name))).as(name).isEqualTo(longAgo);
        }
        assertThat(names(clip.getParent())).as("the work folder keeps no mezzanine").containsExactly("download.mp4");
    }

    private EditingBinWriter writer(Instant now) {
        return new EditingBinWriter(Clock.fixed(now, ZoneOffset.UTC), d -> Optional.of(List.of("sh010")),
                new ProresMezzanine(FFMPEG));
    }

    private Delivery delivery() throws Exception {
        ProbeResult probed = probe.probe(clip);
        return new Delivery("job-0007", "acme-spring-sc01", "acme-spring", 1, "sh010", "post-production",
                "Opening hook", "veo-3.1", "sandbox", "sbx-op-4711", 42L, "Neon street", new BigDecimal("3.20"), true,
                clip, probed.width(), probed.height(), probed.durationSeconds(), probed.fps(),
                SampleDeliveries.CREATED, SampleDeliveries.RENDERED, probed.hasAudio());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
