package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipRendererTest {

    private static final FfmpegBinaries BINARIES = FfmpegBinaries.shipped();

    private final ClipRenderer renderer = new ClipRenderer(BINARIES);
    private final MediaProbe probe = new MediaProbe(BINARIES);

    @TempDir
    Path dir;

    @Test
    void rendersALandscapeH264ClipOfTheRequestedSizeAndLength() throws Exception {
        Path out = dir.resolve("landscape.mp4");

        renderer.render(spec(1280, 720, 4), out);

        ProbeResult result = probe.probe(out);
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.width()).isEqualTo(1280);
        assertThat(result.height()).isEqualTo(720);
        assertThat(result.durationSeconds()).isCloseTo(4.0, within(0.1));
        assertThat(result.fps()).isCloseTo(24.0, within(0.01));
        assertThat(result.hasAudio()).isFalse();
        assertThat(result.formatName()).contains("mp4");
        assertThat(result.sizeBytes()).isEqualTo(Files.size(out));
        assertThat(probe.formatTags(out)).containsEntry("comment", "reelhub-test");
        assertThat(dir.resolve("landscape.mp4.part")).doesNotExist();
    }

    @Test
    void rendersAPortraitH264ClipOfTheRequestedSizeAndLength() throws Exception {
        Path out = dir.resolve("portrait.mp4");

        renderer.render(spec(720, 1280, 3), out);

        ProbeResult result = probe.probe(out);
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.width()).isEqualTo(720);
        assertThat(result.height()).isEqualTo(1280);
        assertThat(result.durationSeconds()).isCloseTo(3.0, within(0.1));
    }

    @Test
    void framesDifferSoTheClipIsVisiblyMoving() throws Exception {
        Path video = dir.resolve("moving.mp4");
        renderer.render(spec(320, 180, 2), video);

        try (CardPainter painter = new CardPainter(spec(320, 180, 2))) {
            byte[] first = painter.paint(0).clone();
            byte[] later = painter.paint(12).clone();
            assertThat(later).isNotEqualTo(first);
        }
    }

    @Test
    void writesAFirstFrameStillAsWebp() throws Exception {
        Path video = dir.resolve("still-source.mp4");
        renderer.render(spec(320, 180, 1), video);
        Path still = dir.resolve("first.webp");

        new FrameGrabber(BINARIES).firstFrame(video, still);

        byte[] head = Files.readAllBytes(still);
        assertThat(new String(head, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(head, 8, 4)).isEqualTo("WEBP");
    }

    @Test
    void probingACorruptFileGivesAClearErrorWithFfprobesExplanation() throws Exception {
        Path corrupt = dir.resolve("corrupt.mp4");
        Files.write(corrupt, "this is not a video, just some text pretending to be one".getBytes());

        assertThatThrownBy(() -> probe.probe(corrupt))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("ffprobe of corrupt.mp4 failed")
                .satisfies(e -> assertThat(((MediaToolException) e).stderrExcerpt())
                        .containsIgnoringCase("invalid data"));
    }

    @Test
    void probingATruncatedMp4GivesAClearError() throws Exception {
        Path whole = dir.resolve("whole.mp4");
        renderer.render(spec(320, 180, 1), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.mp4");
        Files.write(cut, java.util.Arrays.copyOf(bytes, 200));

        assertThatThrownBy(() -> probe.probe(cut))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("cut.mp4");
    }

    @Test
    void probingAMissingFileSaysSo() {
        assertThatThrownBy(() -> probe.probe(dir.resolve("missing.mp4")))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void aFailingEncodeReportsFfmpegsStderrAndLeavesNoFile() {
        FfmpegBinaries notFfmpeg = new FfmpegBinaries(BINARIES.ffprobe().toString(), "");
        Path out = dir.resolve("never.mp4");

        assertThatThrownBy(() -> new ClipRenderer(notFfmpeg).render(spec(320, 180, 1), out))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("ffmpeg failed to render never.mp4")
                .satisfies(e -> assertThat(((MediaToolException) e).stderrExcerpt()).isNotBlank());
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("never.mp4.part")).doesNotExist();
    }

    @Test
    void oddSizesAreRefusedBeforeFfmpegRuns() {
        assertThatThrownBy(() -> spec(1279, 720, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even");
    }

    private static ClipSpec spec(int width, int height, double seconds) {
        return new ClipSpec(width, height, seconds, "SANDBOX · veo-3.1", "sh010",
                "Rain-soaked neon street in Tokyo at night, light drizzle. A woman in her 30s, short black bob, red "
                        + "trench coat, walks toward camera, stops, looks up as a drone passes overhead. Anamorphic "
                        + "35mm, shallow depth of field, teal-orange grade.",
                Map.of("comment", "reelhub-test"));
    }
}
