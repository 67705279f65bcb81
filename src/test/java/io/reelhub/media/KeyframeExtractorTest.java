package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyframeExtractorTest {

    private final KeyframeExtractor extractor = new KeyframeExtractor(TestClips.BINARIES);

    @TempDir
    Path dir;

    @Test
    void takesTheAskedNumberOfKeyframesFromASandboxClipInTimeOrderAsDecodablePngs() throws Exception {
        Path clip = TestClips.card(dir, "card.mp4", 1280, 720, 4);
        Path out = dir.resolve("keyframes");

        List<Keyframe> keyframes = extractor.extract(clip, 6, out);

        assertThat(keyframes).hasSize(6);
        assertThat(keyframes).extracting(Keyframe::index).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(keyframes).extracting(k -> k.image().getFileName().toString())
                .containsExactly("kf01.png", "kf02.png", "kf03.png", "kf04.png", "kf05.png", "kf06.png");
        for (int i = 0; i < keyframes.size(); i++) {
            Keyframe keyframe = keyframes.get(i);
            assertThat(keyframe.seconds()).isBetween(0.0, 4.0);
            if (i > 0) {
                assertThat(keyframe.seconds()).isGreaterThan(keyframes.get(i - 1).seconds());
            }
            BufferedImage image = ImageIO.read(keyframe.image().toFile());
            assertThat(image).as(keyframe.image().getFileName() + " decodes").isNotNull();
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(image.getHeight()).isEqualTo(720);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(6).allMatch(n -> n.endsWith(".png"));
        }
        assertThat(TestClips.leftoverScratch()).isEmpty();
    }

    @Test
    void evenlySpacedFramesOfAClipWithoutCutsAreDifferentPictures() throws Exception {
        Path clip = TestClips.card(dir, "card.mp4", 320, 180, 3);

        List<Keyframe> keyframes = extractor.extract(clip, 3, dir.resolve("kf"));

        assertThat(keyframes).extracting(Keyframe::seconds)
                .satisfiesExactly(t -> assertThat(t).isCloseTo(0.5, within(0.05)),
                        t -> assertThat(t).isCloseTo(1.5, within(0.05)),
                        t -> assertThat(t).isCloseTo(2.5, within(0.05)));
        assertThat(Files.readAllBytes(keyframes.get(0).image()))
                .isNotEqualTo(Files.readAllBytes(keyframes.get(1).image()));
    }

    @Test
    void findsTheHardCutsOfAClipAndShowsTheNewSceneAtEach() throws Exception {
        Path clip = TestClips.joined(dir, "cuts.mp4", 640, 360, List.of("testsrc2", "color=c=red", "smptebars"),
                List.of(2.0, 2.0, 2.0));

        List<Keyframe> keyframes = extractor.extract(clip, 4, dir.resolve("kf"));

        assertThat(keyframes).hasSize(4);
        assertThat(keyframes).extracting(Keyframe::seconds)
                .anySatisfy(t -> assertThat(t).isCloseTo(2.0, within(0.01)))
                .anySatisfy(t -> assertThat(t).isCloseTo(4.0, within(0.01)));
        Keyframe atFirstCut = keyframes.stream().filter(k -> Math.abs(k.seconds() - 2.0) < 0.01).findFirst()
                .orElseThrow();
        // the frame at the cut is the red scene's first frame, not the test pattern's last
        int rgb = ImageIO.read(atFirstCut.image().toFile()).getRGB(320, 180);
        assertThat((rgb >> 16) & 0xff).isGreaterThan(200);
        assertThat((rgb >> 8) & 0xff).isLessThan(60);
    }

    @Test
    void aClipWithFewerFramesThanAskedGivesEachFrameOnce() throws Exception {
        Path clip = TestClips.joined(dir, "short.mp4", 320, 180, List.of("testsrc2"), List.of(0.25));

        List<Keyframe> keyframes = extractor.extract(clip, 10, dir.resolve("kf"));

        assertThat(keyframes).hasSizeBetween(1, 6);
        assertThat(keyframes).extracting(Keyframe::seconds).doesNotHaveDuplicates().isSorted();
        keyframes.forEach(k -> assertThat(k.image()).isRegularFile());
    }

    @Test
    void theConfiguredCountIsUsedWhenNoneIsGiven() throws Exception {
        Path clip = TestClips.card(dir, "card.mp4", 320, 180, 2);

        List<Keyframe> keyframes = new KeyframeExtractor(TestClips.BINARIES, 3, 0.3).extract(clip, dir.resolve("kf"));

        assertThat(keyframes).hasSize(3);
    }

    @Test
    void aFileThatIsNoVideoGivesAReadableErrorAndNoFrames() throws Exception {
        Path text = TestClips.text(dir, "brief.mp4");
        Path out = dir.resolve("kf");

        assertThatThrownBy(() -> extractor.extract(text, 6, out))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("brief.mp4")
                .satisfies(e -> assertThat(((MediaToolException) e).stderrExcerpt()).containsIgnoringCase("invalid"));
        assertThat(out).doesNotExist();
        assertThat(TestClips.leftoverScratch()).isEmpty();
    }

    @Test
    void aTruncatedClipFailsInsteadOfGivingFramesOfAShortClip() throws Exception {
        Path whole = TestClips.card(dir, "whole.mp4", 640, 360, 4);
        Path cut = TestClips.truncated(whole, dir, "cut.mp4", 0.5);

        assertThatThrownBy(() -> extractor.extract(cut, 6, dir.resolve("kf")))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("scene detection in cut.mp4 failed");
        assertThat(TestClips.leftoverScratch()).isEmpty();
    }

    @Test
    void aCountOutsideOneToNinetyNineIsRefusedBeforeFfmpegRuns() {
        assertThatThrownBy(() -> extractor.extract(dir.resolve("any.mp4"), 0, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 99");
    }
}
