package io.reelhub.delivery.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.bin.DeliveredVersionConflictException;
import io.reelhub.media.ClipRenderer;
import io.reelhub.media.ClipSpec;
import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.Thumbnailer;
import io.reelhub.media.MediaToolException;

/**
 * The concept board's writer on real clips and the shipped FFmpeg: clip, thumbnail and sidecar per variation in a
 * folder per version, never overwritten, an identical re-delivery a no-op.
 */
class ConceptBoardWriterTest {

    private static final FfmpegBinaries BINARIES = FfmpegBinaries.shipped();
    private static final Instant CREATED = Instant.parse("2026-10-21T08:00:00Z");

    @TempDir
    static Path clips;
    private static Path take1;
    private static Path take2;
    private static Path wide;

    @TempDir
    Path tmp;

    private final ConceptBoardWriter writer = new ConceptBoardWriter(new Thumbnailer(BINARIES),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void renderTwoTakes() throws InterruptedException {
        take1 = clips.resolve("take1.mp4");
        take2 = clips.resolve("take2.mp4");
        ClipRenderer renderer = new ClipRenderer(BINARIES);
        renderer.render(new ClipSpec(320, 180, 1, "SANDBOX", "var01", "a drone over a harbour", Map.of()), take1);
        renderer.render(new ClipSpec(320, 180, 1, "SANDBOX", "var01", "a kite over a beach", Map.of()), take2);
        wide = clips.resolve("wide.mp4");
        renderer.render(new ClipSpec(1280, 720, 1, "SANDBOX", "var01", "a harbour at dawn", Map.of()), wide);
    }

    @Test
    void eachVariationLandsAsClipThumbnailAndSidecarInItsVersionsFolder() throws IOException {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));

        List<String> outputs = writer.deliver(delivery("var02", 3, take1), outbox.toString());

        Path folder = outbox.resolve("acme-spring/moodboard-01/v003");
        assertThat(outputs).containsExactly(folder.resolve("var02.mp4").toString(),
                folder.resolve("var02.jpg").toString(), folder.resolve("var02.reelhub.json").toString());
        assertThat(folder.resolve("var02.mp4")).hasSameBinaryContentAs(take1);
        BufferedImage thumbnail = ImageIO.read(folder.resolve("var02.jpg").toFile());
        assertThat(thumbnail).as("a JPEG Java can decode").isNotNull();
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(180);
        assertThat(Files.readString(folder.resolve("var02.reelhub.json"))).contains("\"seed\" : 1234")
                .contains("\"shot\" : \"var02\"").contains("\"ai_generated\" : true");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no temporary file is left behind").hasSize(3);
        }
    }

    @Test
    void aWideClipsThumbnailIsScaledDownKeepingItsShape() throws IOException {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));
        Delivery delivery = delivery("var01", 1, wide);

        List<String> outputs = writer.deliver(delivery, outbox.toString());

        BufferedImage thumbnail = ImageIO.read(Path.of(outputs.get(1)).toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(ConceptBoardWriter.THUMBNAIL_MAX_WIDTH);
        assertThat(thumbnail.getHeight()).isEqualTo(360);
    }

    @Test
    void anIdenticalReDeliveryWritesNothingAndDoesNotMakeTheThumbnailAgain() throws IOException {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));
        List<String> first = writer.deliver(delivery("var01", 1, take1), outbox.toString());
        Path thumbnail = Path.of(first.get(1));
        long made = Files.getLastModifiedTime(thumbnail).toMillis();
        byte[] bytes = Files.readAllBytes(thumbnail);
        // a writer whose FFmpeg is missing would fail if it tried to make the thumbnail again
        ConceptBoardWriter noFfmpeg = new ConceptBoardWriter(new Thumbnailer(new FfmpegBinaries(
                tmp.resolve("no-ffmpeg").toString(), tmp.resolve("no-ffprobe").toString())));

        List<String> again = noFfmpeg.deliver(delivery("var01", 1, take1), outbox.toString());

        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(thumbnail).toMillis()).isEqualTo(made);
        assertThat(thumbnail).hasBinaryContent(bytes);
    }

    @Test
    void anotherClipAtADeliveredNameFailsAndLeavesTheBoardAsItWas() throws IOException {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));
        List<String> first = writer.deliver(delivery("var01", 1, take1), outbox.toString());
        Files.delete(Path.of(first.get(2)));

        assertThatThrownBy(() -> writer.deliver(delivery("var01", 1, take2), outbox.toString()))
                .isInstanceOf(DeliveredVersionConflictException.class)
                .hasMessageContaining("var01.mp4").hasMessageContaining("never overwritten");

        assertThat(Path.of(first.get(0))).hasSameBinaryContentAs(take1);
        assertThat(Path.of(first.get(2))).as("nothing written after the conflict").doesNotExist();
    }

    @Test
    void aForeignPictureAtTheThumbnailsNameFailsTheDeliveryInsteadOfBeingReplaced() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("outbox/acme-spring/moodboard-01/v001"));
        Files.writeString(folder.resolve("var01.jpg"), "someone else's picture", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.deliver(delivery("var01", 1, take1), tmp.resolve("outbox").toString()))
                .isInstanceOf(DeliveredVersionConflictException.class).hasMessageContaining("var01.jpg");

        assertThat(folder.resolve("var01.mp4")).doesNotExist();
        assertThat(folder.resolve("var01.jpg")).hasContent("someone else's picture");
    }

    @Test
    void aLaterVersionGoesToItsOwnFolderBesideTheEarlierOne() throws IOException {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));

        writer.deliver(delivery("var01", 1, take1), outbox.toString());
        writer.deliver(delivery("var01", 2, take2), outbox.toString());

        assertThat(outbox.resolve("acme-spring/moodboard-01/v001/var01.mp4")).hasSameBinaryContentAs(take1);
        assertThat(outbox.resolve("acme-spring/moodboard-01/v002/var01.mp4")).hasSameBinaryContentAs(take2);
    }

    @Test
    void aClipFfmpegCannotReadFailsWithItsExplanationAndLeavesNoThumbnail() throws IOException {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));
        Path corrupt = Files.writeString(tmp.resolve("corrupt.mp4"), "not a video at all", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.deliver(delivery("var01", 1, corrupt), outbox.toString()))
                .isInstanceOf(MediaToolException.class).hasMessageContaining("corrupt.mp4");

        Path folder = outbox.resolve("acme-spring/moodboard-01/v001");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("the clip only: no thumbnail, no sidecar, no temporary file")
                    .extracting(f -> f.getFileName().toString()).containsExactly("var01.mp4");
        }
    }

    @Test
    void aMissingOutboxFailsInsteadOfBeingCreated() {
        Path missing = tmp.resolve("unmounted-share");

        assertThatThrownBy(() -> writer.deliver(delivery("var01", 1, take1), missing.toString()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("is its share mounted");
        assertThat(missing).doesNotExist();
    }

    @Test
    void anIdThatCouldLeaveTheOutboxIsRefused() throws IOException {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));

        assertThatThrownBy(() -> writer.deliver(delivery("../var01", 1, take1), outbox.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shot id '../var01'");
    }

    private static Delivery delivery(String variation, int version, Path clip) {
        return new Delivery("job-" + variation, "moodboard-01", "acme-spring", version, variation, "concept",
                "Mood board", "veo-3.1", "sandbox", "sbx-" + variation, 1234L, "A drone over a harbour at dawn",
                new BigDecimal("1.60"), true, clip, 320, 180, 1.0, 24.0, CREATED, CREATED.plusSeconds(90));
    }
}
