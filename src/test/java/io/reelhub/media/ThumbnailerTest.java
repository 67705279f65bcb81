package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailerTest {

    private final Thumbnailer thumbnailer = new Thumbnailer(TestClips.BINARIES);

    @TempDir
    Path dir;

    @Test
    void aPngThumbnailIsScaledToTheMaximumWidthKeepingTheClipsShape() throws Exception {
        Path clip = TestClips.card(dir, "card.mp4", 1280, 720, 2);

        Path png = thumbnailer.thumbnail(clip, 1.0, 320, dir.resolve("thumb.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(180);
        assertThat(dir.resolve("thumb.png.part")).doesNotExist();
    }

    @Test
    void aJpegThumbnailOfAPortraitClipIsAJpeg() throws Exception {
        Path clip = TestClips.card(dir, "portrait.mp4", 360, 640, 1);

        Path jpg = thumbnailer.thumbnail(clip, 0.5, 180, dir.resolve("thumb.jpg"));

        byte[] head = Files.readAllBytes(jpg);
        assertThat(head[0] & 0xff).isEqualTo(0xff);
        assertThat(head[1] & 0xff).isEqualTo(0xd8);
        BufferedImage image = ImageIO.read(jpg.toFile());
        assertThat(image.getWidth()).isEqualTo(180);
        assertThat(image.getHeight()).isEqualTo(320);
    }

    @Test
    void aSmallClipIsNeverScaledUpAndATimePastTheEndTakesTheLastFrame() throws Exception {
        Path clip = TestClips.card(dir, "small.mp4", 320, 180, 1);

        Path png = thumbnailer.thumbnail(clip, 30, 1920, dir.resolve("late.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(180);
    }

    @Test
    void aCorruptClipGivesAReadableErrorAndNoImage() throws Exception {
        Path text = TestClips.text(dir, "clip.mp4");

        assertThatThrownBy(() -> thumbnailer.thumbnail(text, 0, 320, dir.resolve("thumb.png")))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("clip.mp4");
        assertThat(dir.resolve("thumb.png")).doesNotExist();
        assertThat(dir.resolve("thumb.png.part")).doesNotExist();
    }

    @Test
    void anUnknownImageTypeIsRefusedByName() throws Exception {
        Path clip = TestClips.card(dir, "card.mp4", 320, 180, 1);

        assertThatThrownBy(() -> thumbnailer.thumbnail(clip, 0, 160, dir.resolve("thumb.gif")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thumb.gif");
    }
}
