package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.media.FrameStretch.Kind;

class FrameQualityTest {

    private static final FrameQuality.Thresholds ONE_SECOND = FrameQuality.Thresholds.DEFAULT
            .withMinBlackSeconds(1).withMinFrozenSeconds(1);

    private final FrameQuality quality = new FrameQuality(TestClips.BINARIES);

    @TempDir
    Path dir;

    @Test
    void aBlackStretchInTheMiddleIsFoundWithItsStartAndEnd() throws Exception {
        Path clip = TestClips.joined(dir, "black.mp4", 640, 360, List.of("testsrc2", "color=c=black", "testsrc2"),
                List.of(1.0, 2.0, 1.0));

        List<FrameStretch> stretches = quality.scan(clip, ONE_SECOND);

        FrameStretch black = stretches.stream().filter(s -> s.kind() == Kind.BLACK).findFirst().orElseThrow();
        assertThat(black.startSeconds()).isCloseTo(1.0, within(0.05));
        assertThat(black.endSeconds()).isCloseTo(3.0, within(0.05));
        assertThat(black.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(stretches).filteredOn(s -> s.kind() == Kind.BLACK).hasSize(1);
    }

    @Test
    void aFrozenPictureIsFoundAndIsNotCalledBlack() throws Exception {
        Path clip = TestClips.joined(dir, "frozen.mp4", 640, 360, List.of("testsrc2", "smptebars", "testsrc2"),
                List.of(1.0, 2.5, 1.0));

        List<FrameStretch> stretches = quality.scan(clip, ONE_SECOND);

        assertThat(stretches).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.FROZEN);
            assertThat(s.startSeconds()).isCloseTo(1.0, within(0.05));
            assertThat(s.endSeconds()).isCloseTo(3.5, within(0.05));
        });
    }

    @Test
    void aStretchRunningToTheEndEndsWithTheClip() throws Exception {
        Path clip = TestClips.joined(dir, "fade-out.mp4", 640, 360, List.of("testsrc2", "color=c=black"),
                List.of(1.0, 2.0));

        List<FrameStretch> stretches = quality.scan(clip, ONE_SECOND);

        assertThat(stretches).extracting(FrameStretch::kind).containsExactly(Kind.BLACK, Kind.FROZEN);
        assertThat(stretches).allSatisfy(s -> assertThat(s.endSeconds()).isCloseTo(3.0, within(0.05)));
    }

    @Test
    void stretchesShorterThanTheThresholdsAreNotReported() throws Exception {
        Path clip = TestClips.joined(dir, "black.mp4", 640, 360, List.of("testsrc2", "color=c=black", "testsrc2"),
                List.of(1.0, 2.0, 1.0));

        assertThat(quality.scan(clip, FrameQuality.Thresholds.DEFAULT.withMinBlackSeconds(3)
                .withMinFrozenSeconds(3))).isEmpty();
    }

    @Test
    void aSandboxClipWithItsSmallMovingMarkerIsCleanUnderTheDefaults() throws Exception {
        Path clip = TestClips.card(dir, "card.mp4", 1280, 720, 8);

        assertThat(quality.scan(clip)).isEmpty();
        assertThat(TestClips.leftoverScratch()).isEmpty();
    }

    @Test
    void aTruncatedDownloadFailsWithFfmpegsReasonRatherThanPassingAsAShortClip() throws Exception {
        Path whole = TestClips.card(dir, "whole.mp4", 640, 360, 4);
        Path cut = TestClips.truncated(whole, dir, "cut.mp4", 0.5);

        assertThatThrownBy(() -> quality.scan(cut))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("frame check of cut.mp4 failed")
                .satisfies(e -> assertThat(((MediaToolException) e).stderrExcerpt()).containsIgnoringCase("invalid"));
        assertThat(TestClips.leftoverScratch()).isEmpty();
    }

    @Test
    void aFileThatIsNoVideoIsRefusedByName() throws Exception {
        Path text = TestClips.text(dir, "readme.mp4");

        assertThatThrownBy(() -> quality.scan(text))
                .isInstanceOf(MediaToolException.class)
                .hasMessageContaining("readme.mp4");
    }

    @Test
    void aBlackFlashShorterThanTheMinimumIsDroppedAlthoughFfmpegMarksIt() throws Exception {
        Path marks = dir.resolve("marks.txt");
        Files.writeString(marks, """
                frame:24   pts:12288   pts_time:1
                lavfi.black_start=1
                frame:27   pts:13824   pts_time:1.125
                lavfi.black_end=1.125
                frame:60   pts:30720   pts_time:2.5
                lavfi.black_start=2.5
                frame:120  pts:61440   pts_time:5
                lavfi.black_end=5
                """);

        List<FrameStretch> stretches = FrameQuality.stretches(FilterMetadata.read(marks), 6, ONE_SECOND);

        assertThat(stretches).containsExactly(new FrameStretch(Kind.BLACK, 2.5, 5));
    }
}
