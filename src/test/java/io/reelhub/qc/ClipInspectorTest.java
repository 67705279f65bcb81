package io.reelhub.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.media.ClipRenderer;
import io.reelhub.media.ClipSpec;
import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.FrameQuality;
import io.reelhub.media.FrameStretch;
import io.reelhub.media.MediaProbe;

class ClipInspectorTest {

    private static final FfmpegBinaries BINARIES = FfmpegBinaries.shipped();

    private final ClipInspector inspector = new ClipInspector(new MediaProbe(BINARIES), new FrameQuality(BINARIES),
            new QcProperties(null, null, null, null, null), Clock.systemUTC());

    @TempDir
    Path dir;

    @Test
    void aSoundClipPassesEveryCheckInOrderWithWhatWasMeasured() throws Exception {
        Path clip = render("sound.mp4", 640, 360, 4, ClipSpec.Defect.NONE);

        QcReport report = inspector.inspect(clip, spec(640, 360, 4, 42L), 1);

        assertThat(report.passed()).isTrue();
        assertThat(report.attempt()).isEqualTo(1);
        assertThat(report.seed()).isEqualTo(42L);
        assertThat(report.clip()).isEqualTo("sound.mp4");
        assertThat(report.checks()).extracting(QcCheck::name)
                .containsExactly("container", "codec", "duration", "resolution", "decodes", "black", "frozen");
        assertThat(report.checks()).allMatch(QcCheck::passed);
        assertThat(report.checks()).filteredOn(c -> c.name().equals("resolution")).singleElement()
                .satisfies(c -> assertThat(c.measured()).isEqualTo("640x360"));
        assertThat(report.checks()).filteredOn(c -> c.name().equals("duration")).singleElement()
                .satisfies(c -> assertThat(c.measured()).isEqualTo("4.00 s"));
        assertThat(report.probe().videoCodec()).isEqualTo("h264");
        assertThat(report.stretches()).isEmpty();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void theWrongSizeAndLengthAreEachAFailedCheckSayingWhatWasAskedFor() throws Exception {
        Path clip = render("small.mp4", 320, 180, 2, ClipSpec.Defect.NONE);

        QcReport report = inspector.inspect(clip, spec(640, 360, 4, null), 2);

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).isEqualTo("duration: 2.00 s, expected 4 s ± 0.5 s; resolution: 320x180,"
                + " expected 640x360");
    }

    @Test
    void blackAndFrozenStretchesLongerThanAllowedFailWithTheirTimes() throws Exception {
        QcReport black = inspector.inspect(render("black.mp4", 320, 180, 4, ClipSpec.Defect.BLACK),
                spec(320, 180, 4, null), 1);
        QcReport frozen = inspector.inspect(render("frozen.mp4", 320, 180, 4, ClipSpec.Defect.FROZEN),
                spec(320, 180, 4, null), 1);

        assertThat(black.passed()).isFalse();
        assertThat(black.failures()).contains("black: black 1.00-4.00 s (3.00 s), expected no black stretch longer"
                + " than 2.00 s");
        assertThat(black.stretches()).extracting(FrameStretch::kind).contains(FrameStretch.Kind.BLACK);
        assertThat(frozen.failures()).isEqualTo("frozen: frozen 1.00-4.00 s (3.00 s), expected no frozen stretch"
                + " longer than 2.00 s");
    }

    @Test
    void aStretchWithinTheAllowanceIsNotAFailure() throws Exception {
        ClipInspector lenient = new ClipInspector(new MediaProbe(BINARIES), new FrameQuality(BINARIES),
                new QcProperties(null, 3.5, 3.5, null, null), Clock.systemUTC());

        QcReport report = lenient.inspect(render("black.mp4", 320, 180, 4, ClipSpec.Defect.BLACK),
                spec(320, 180, 4, null), 1);

        assertThat(report.passed()).isTrue();
    }

    @Test
    void aFileThatIsNoVideoFailsTheContainerCheckWithFfprobesWordsAndNothingElseRuns() throws Exception {
        Path text = dir.resolve("sh010.mp4");
        Files.writeString(text, "<html>403 Forbidden</html>\n".repeat(50));

        QcReport report = inspector.inspect(text, spec(640, 360, 4, null), 1);

        assertThat(report.passed()).isFalse();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("container");
            assertThat(check.measured()).contains("ffprobe of sh010.mp4 failed").containsIgnoringCase("invalid data")
                    .doesNotContain(dir.toString());
        });
        assertThat(report.probe()).isNull();
    }

    @Test
    void aClipThatDoesNotDecodeToItsEndFailsTheDecodingCheck() throws Exception {
        Path whole = render("whole.mp4", 320, 180, 4, ClipSpec.Defect.NONE);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));

        QcReport report = inspector.inspect(cut, spec(320, 180, 4, null), 1);

        assertThat(report.passed()).isFalse();
        assertThat(report.checks()).extracting(QcCheck::name)
                .containsExactly("container", "codec", "duration", "resolution", "decodes");
        assertThat(report.checks().get(4).passed()).isFalse();
        assertThat(report.checks().get(4).measured()).contains("frame check of cut.mp4 failed");
        // the container claims the whole length: only decoding finds the damage
        assertThat(report.checks().subList(0, 4)).allMatch(QcCheck::passed);
    }

    @Test
    void anUnlistedCodecFails() throws Exception {
        ClipInspector hevcOnly = new ClipInspector(new MediaProbe(BINARIES), new FrameQuality(BINARIES),
                new QcProperties(null, null, null, null, List.of("HEVC")), Clock.systemUTC());

        QcReport report = hevcOnly.inspect(render("h264.mp4", 320, 180, 2, ClipSpec.Defect.NONE),
                spec(320, 180, 2, null), 1);

        assertThat(report.failures()).isEqualTo("codec: h264, expected hevc");
    }

    private Path render(String name, int width, int height, double seconds, ClipSpec.Defect defect)
            throws InterruptedException {
        Path out = dir.resolve(name);
        new ClipRenderer(BINARIES).render(new ClipSpec(width, height, seconds, "SANDBOX · veo-3.1", "sh010",
                "A quiet harbour at dawn", Map.of(), defect), out);
        return out;
    }

    private static GenerationSpec spec(int width, int height, int seconds, Long seed) {
        return new GenerationSpec("sh010", "veo-3.1", "veo-3.1", "A quiet harbour at dawn", seconds, width, height,
                seed, null, false, new BigDecimal("1.60"));
    }
}
