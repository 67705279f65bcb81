package io.reelhub.brief;

import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ResolutionTier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestedSizeTest {

    @ParameterizedTest(name = "{0} at {1} is {2}")
    @CsvSource({
            "16:9, 720p, 1280x720",
            "9:16, 720p, 720x1280",
            "16:9, 1080p, 1920x1080",
            "9:16, 1080p, 1080x1920",
            "1:1, 720p, 720x720",
            "1:1, 1080p, 1080x1080",
            "4:5, 1080p, 1080x1350",
            "16:9, 480p, 854x480",
            "9:16, 480p, 480x854",
            "4:3, 720p, 960x720"})
    void anAspectRatioAndAResolutionGiveAFrameSize(String aspect, String resolution, String size) {
        FrameSize resolved = RequestedSize.of(aspect, ResolutionTier.fromWire(resolution).orElseThrow());
        assertThat(resolved).isEqualTo(FrameSize.parse(size).orElseThrow());
        assertThat(RequestedSize.sameAspect(aspect, resolved)).isTrue();
    }
}
