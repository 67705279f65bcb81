package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProresMezzanineTest {

    private static final FfmpegBinaries FFMPEG = FfmpegBinaries.shipped();

    @TempDir
    static Path sources;
    private static Path withAudio;
    private static Path pictureOnly;

    @TempDir
    Path out;

    private final ProresMezzanine mezzanine = new ProresMezzanine(FFMPEG);
    private final MediaProbe probe = new MediaProbe(FFMPEG);

    @BeforeAll
    static void clips() throws Exception {
        withAudio = TestClips.withAudio(FFMPEG, sources.resolve("tone.mp4"), 320, 240, "30000/1001", 2);
        pictureOnly = sources.resolve("card.mp4");
        new ClipRenderer(FFMPEG).render(new ClipSpec(320, 180, 1.5, "SANDBOX", "sh010", "a prompt", Map.of()),
                pictureOnly);
    }

    @Test
    void theMezzanineIsProRes422InAQuickTimeOfTheSourcesSizeRateAndLength() throws Exception {
        Path mov = mezzanine.render(withAudio, out.resolve("sh010_v001.mov"));

        ProbeResult source = probe.probe(withAudio);
        ProbeResult result = probe.probe(mov);
        assertThat(result.formatName()).contains("mov");
        assertThat(result.videoCodec()).isEqualTo("prores");
        assertThat(TestClips.streamField(FFMPEG, mov, "v:0", "profile")).isEqualTo("Standard");
        assertThat(TestClips.streamField(FFMPEG, mov, "v:0", "pix_fmt")).isEqualTo("yuv422p10le");
        assertThat(result.width()).isEqualTo(320);
        assertThat(result.height()).isEqualTo(240);
        assertThat(result.fps()).isCloseTo(source.fps(), Offset.offset(0.001));
        assertThat(TestClips.streamField(FFMPEG, mov, "v:0", "nb_frames"))
                .isEqualTo(TestClips.streamField(FFMPEG, withAudio, "v:0", "nb_frames"));
        assertThat(result.durationSeconds()).isCloseTo(source.durationSeconds(), Offset.offset(1 / source.fps()));
        assertThat(result.hasAudio()).isTrue();
        assertThat(TestClips.streamField(FFMPEG, mov, "a:0", "codec_name")).isEqualTo("pcm_s16le");
    }

    @Test
    void aClipWithoutSoundGivesAMezzanineWithoutSound() throws Exception {
        Path mov = mezzanine.render(pictureOnly, out.resolve("card.mov"));

        ProbeResult result = probe.probe(mov);
        assertThat(result.videoCodec()).isEqualTo("prores");
        assertThat(result.hasAudio()).isFalse();
        assertThat(result.durationSeconds()).isCloseTo(1.5, Offset.offset(1.0 / 24));
    }

    @Test
    void theSameSourceAlwaysGivesTheSameBytes() throws Exception {
        Path first = mezzanine.render(withAudio, out.resolve("a.mov"));
        Path second = mezzanine.render(withAudio, out.resolve("b.mov"));

        assertThat(first).hasSameBinaryContentAs(second);
    }

    @Test
    void aCorruptSourceFailsWithFfmpegsReasonAndLeavesNothingBehind() throws IOException {
        Path corrupt = Files.write(out.resolve("corrupt.mp4"), "not a movie at all, just bytes".getBytes());
        Path target = out.resolve("corrupt.mov");

        assertThatThrownBy(() -> mezzanine.render(corrupt, target))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("ProRes 422 mezzanine of corrupt.mp4")
                .satisfies(e -> assertThat(((MediaToolException) e).stderrExcerpt()).isNotBlank());

        assertThat(namesIn(out)).containsExactly("corrupt.mp4");
    }

    @Test
    void aMissingSourceFailsNamingIt() {
        assertThatThrownBy(() -> mezzanine.render(out.resolve("gone.mp4"), out.resolve("gone.mov")))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("gone.mp4").hasMessageContaining("no such file");
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
