package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReframerTest {

    @TempDir
    static Path shared;

    private static Path landscape;

    private final Reframer reframer = new Reframer(TestClips.BINARIES);
    private final MediaProbe probe = new MediaProbe(TestClips.BINARIES);

    @TempDir
    Path dir;

    @BeforeAll
    static void sandboxClip() throws Exception {
        landscape = TestClips.card(shared, "landscape.mp4", 1280, 720, 2);
    }

    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of(Reframe.VERTICAL_9_16, 1080, 1920),
                Arguments.of(Reframe.SQUARE_1_1, 1080, 1080),
                Arguments.of(Reframe.PORTRAIT_4_5, 1080, 1350),
                Arguments.of(Reframe.LANDSCAPE_16_9.withFit(Reframe.Fit.PAD), 1920, 1080));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aRenditionHasExactlyTheTargetSizeTheSourceDurationAndItsMoovAtomFirst(Reframe target, int width,
                                                                               int height) throws Exception {
        Path out = reframer.reframe(landscape, target, dir.resolve("rendition.mp4"));

        ProbeResult source = probe.probe(landscape);
        ProbeResult result = probe.probe(out);
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.width()).isEqualTo(width);
        assertThat(result.height()).isEqualTo(height);
        assertThat(result.durationSeconds()).isCloseTo(source.durationSeconds(), within(1 / 24.0));
        assertThat(result.fps()).isCloseTo(24, within(0.01));
        List<String> boxes = Mp4Boxes.topLevel(out);
        assertThat(boxes).contains("moov", "mdat");
        assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
        assertThat(dir.resolve("rendition.mp4.part")).doesNotExist();
    }

    @Test
    void padShowsTheWholePictureBetweenBlackBarsWhileCropFillsTheFrame() throws Exception {
        Path padded = reframer.reframe(landscape, Reframe.VERTICAL_9_16.withFit(Reframe.Fit.PAD),
                dir.resolve("pad.mp4"));
        Path cropped = reframer.reframe(landscape, Reframe.VERTICAL_9_16, dir.resolve("crop.mp4"));

        BufferedImage pad = still(padded, "pad.png");
        BufferedImage crop = still(cropped, "crop.png");
        // the card's dark-blue background in the middle of both; black bars only at the top of the padded one
        assertThat(luma(pad.getRGB(540, 100))).isLessThan(8);
        assertThat(luma(crop.getRGB(540, 100))).isGreaterThan(20);
        assertThat(luma(pad.getRGB(540, 960))).isGreaterThan(20);
    }

    @Test
    void theAudioTrackIsKeptAsAac() throws Exception {
        Path withAudio = TestClips.withAudio(dir, "tone.mp4", 640, 360, 2);

        Path out = reframer.reframe(withAudio, Reframe.SQUARE_1_1, dir.resolve("square.mp4"));

        ProbeResult result = probe.probe(out);
        assertThat(result.hasAudio()).isTrue();
        assertThat(result.width()).isEqualTo(1080);
        assertThat(result.height()).isEqualTo(1080);
        assertThat(result.durationSeconds()).isCloseTo(probe.probe(withAudio).durationSeconds(), within(0.05));
    }

    @Test
    void aTruncatedClipFailsWithFfmpegsReasonAndLeavesNothingBehind() throws Exception {
        Path cut = TestClips.truncated(landscape, dir, "cut.mp4", 0.5);
        Path out = dir.resolve("never.mp4");

        assertThatThrownBy(() -> reframer.reframe(cut, Reframe.SQUARE_1_1, out))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("reframe of cut.mp4 to 1080x1080 crop failed")
                .satisfies(e -> assertThat(((MediaToolException) e).stderrExcerpt()).isNotBlank());
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("never.mp4.part")).doesNotExist();
    }

    @Test
    void aFileThatIsNoVideoIsRefusedByTheProbe() throws Exception {
        Path text = TestClips.text(dir, "notes.mp4");

        assertThatThrownBy(() -> reframer.reframe(text, Reframe.SQUARE_1_1, dir.resolve("out.mp4")))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("ffprobe of notes.mp4 failed");
        assertThat(dir.resolve("out.mp4")).doesNotExist();
    }

    @Test
    void oddOrZeroSizesAreRefused() {
        assertThatThrownBy(() -> new Reframe(1081, 1920, Reframe.Fit.CROP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1081x1920");
        assertThatThrownBy(() -> new Reframe(0, 0, Reframe.Fit.PAD)).isInstanceOf(IllegalArgumentException.class);
    }

    private BufferedImage still(Path clip, String name) throws Exception {
        Path png = dir.resolve(name);
        new FrameGrabber(TestClips.BINARIES).still(clip, 1.0, 0, 0, png);
        return ImageIO.read(png.toFile());
    }

    private static int luma(int rgb) {
        return (int) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
    }
}
