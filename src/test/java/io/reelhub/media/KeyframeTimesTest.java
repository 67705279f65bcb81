package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelhub.media.KeyframeTimes.SceneChange;

class KeyframeTimesTest {

    @Test
    void withoutCutsTheTimesAreEvenlySpacedInTheMiddleOfEachSlot() {
        List<Double> times = KeyframeTimes.choose(6, 24, List.of(), 3);

        assertThat(times).containsExactly(1.0, 3.0, 5.0);
    }

    @Test
    void cutsComeFirstAndEvenTimesFillTheGapsFarthestFromThem() {
        List<Double> times = KeyframeTimes.choose(8, 24, List.of(new SceneChange(4.0, 0.9)), 4);

        assertThat(times).hasSize(4).contains(4.0).isSorted();
        // the even slots are 1, 3, 5 and 7; 3 and 5 are nearest the cut, so one of them gives way
        assertThat(times).contains(1.0, 7.0);
    }

    @Test
    void theStrongestCutsWinWhenThereAreMoreThanAsked() {
        List<Double> times = KeyframeTimes.choose(10, 24, List.of(new SceneChange(2, 0.4), new SceneChange(4, 0.95),
                new SceneChange(6, 0.5), new SceneChange(8, 0.9)), 2);

        assertThat(times).containsExactly(4.0, 8.0);
    }

    @Test
    void cutsCloserThanTheMinimumGapCountOnce() {
        List<Double> times = KeyframeTimes.choose(8, 24, List.of(new SceneChange(4.0, 0.9),
                new SceneChange(4.0 + 1 / 24.0, 0.8)), 2);

        assertThat(times).hasSize(2);
        assertThat(times.get(1) - times.get(0)).isGreaterThan(1.0);
    }

    @Test
    void aCutAtTheVeryStartOrPastTheLastFrameIsIgnored() {
        List<Double> times = KeyframeTimes.choose(4, 24, List.of(new SceneChange(0, 1), new SceneChange(4.5, 1)), 2);

        assertThat(times).containsExactly(1.0, 3.0);
    }

    @Test
    void aClipOfFewFramesGivesAtMostOneTimePerFrame() {
        List<Double> times = KeyframeTimes.choose(0.25, 24, List.of(), 20);

        assertThat(times).hasSizeLessThanOrEqualTo(6).doesNotHaveDuplicates().isSorted();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(1 / 24.0 - 1e-9);
        }
        assertThat(times).allSatisfy(t -> assertThat(t).isBetween(0.0, 0.25 - 1 / 24.0 + 1e-9));
    }

    @Test
    void manyKeyframesOfALongClipStayApart() {
        List<Double> times = KeyframeTimes.choose(60, 30, List.of(new SceneChange(10, 0.5)), 12);

        assertThat(times).hasSize(12).contains(10.0);
        assertThat(times.get(0)).isCloseTo(2.5, within(0.001));
    }
}
