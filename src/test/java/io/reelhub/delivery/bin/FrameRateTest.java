package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameRateTest {

    @ParameterizedTest(name = "{0} fps is {1}/{2}")
    @CsvSource({
            "23.976023976023978, 24000, 1001",
            "23.976,             24000, 1001",
            "23.98,              24000, 1001",
            "24.0,               24,    1",
            "25,                 25,    1",
            "29.97002997002997,  30000, 1001",
            "29.97,              30000, 1001",
            "30,                 30,    1",
            "59.94,              60000, 1001",
            "16,                 16,    1",
            "12.5,               25,    2"})
    void aProbedRateBecomesTheExactFractionItStandsFor(double fps, long numerator, long denominator) {
        assertThat(FrameRate.of(fps)).isEqualTo(new FrameRate(numerator, denominator));
    }

    @ParameterizedTest(name = "{0} fps: one frame is {1}, 240 frames are {2}")
    @CsvSource({
            "23.976, 1001/24000s, 240240/24000s",
            "24,     1/24s,       240/24s",
            "25,     1/25s,       240/25s",
            "29.97,  1001/30000s, 240240/30000s",
            "30,     1/30s,       240/30s"})
    void timesAreWholeFramesInRationalSeconds(double fps, String frame, String frames240) {
        FrameRate rate = FrameRate.of(fps);

        assertThat(rate.frameDuration()).isEqualTo(frame);
        assertThat(rate.rationalSeconds(240)).isEqualTo(frames240);
        assertThat(rate.rationalSeconds(0)).isEqualTo("0s");
    }

    @ParameterizedTest(name = "{0} fps is labelled {1}, timecode counts {2} frames a second")
    @CsvSource({"23.976, 23.976, 24", "24, 24, 24", "25, 25, 25", "29.97, 29.97, 30", "59.94, 59.94, 60",
            "12.5, 12.5, 13"})
    void theLabelIsHowEditorsWriteTheRate(double fps, String label, int timecodeBase) {
        assertThat(FrameRate.of(fps).label()).isEqualTo(label);
        assertThat(FrameRate.of(fps).timecodeBase()).isEqualTo(timecodeBase);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> FrameRate.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> FrameRate.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameRate(24, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} frames at {1} fps are {2}")
    @CsvSource({
            "0,      24,    00:00:00:00",
            "23,     24,    00:00:00:23",
            "86400,  24,    01:00:00:00",
            "86400,  23.976, 01:00:00:00",
            "90000,  25,    01:00:00:00",
            "108000, 29.97, 01:00:00:00",
            "108119, 29.97, 01:00:03:29",
            "1799,   30,    00:00:59:29"})
    void nonDropTimecodeCountsWholeFramesPerTimecodeSecond(long frames, double fps, String timecode) {
        assertThat(Timecode.nonDrop(frames, FrameRate.of(fps))).isEqualTo(timecode);
    }

    @Test
    void aTimecodeBeyondADayIsRefused() {
        assertThatThrownBy(() -> Timecode.nonDrop(24L * 3600 * 24, FrameRate.of(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24:00:00:00");
    }
}
