package io.reelhub.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformProfilesTest {

    @Test
    void readsEachPlatformWithItsFrameWindowsAndRate() {
        PlatformProfiles profiles = new PlatformProfiles(new SocialProperties(SocialTestBed.platforms(), null, null));

        PlatformProfile reels = profiles.get("facebook-reels");
        assertThat(reels.size()).isEqualTo("1080x1920");
        assertThat(reels.crop()).isTrue();
        assertThat(reels.durationWindow()).isEqualTo("3–90 s");
        assertThat(reels.fpsWindow()).isEqualTo("24–60 fps");
        assertThat(reels.takesDuration(90)).isTrue();
        assertThat(reels.takesDuration(90.5)).isFalse();
        assertThat(reels.takesCodec("H264")).isTrue();
        assertThat(reels.takesCodec("vp9")).isFalse();
        assertThat(profiles.get("youtube-shorts").durationWindow()).isEqualTo("up to 180 s");
        assertThat(profiles.get("youtube-shorts").takesCodec("vp9")).isTrue();
        assertThat(profiles.get("tiktok").rate()).hasToString("6 per minute, 15 per day");
    }

    @Test
    void anUnknownPlatformIsNamedWithTheKnownOnes() {
        PlatformProfiles profiles = new PlatformProfiles(new SocialProperties(SocialTestBed.platforms(), null, null));

        assertThatThrownBy(() -> profiles.get("myspace")).hasMessage("unknown social platform 'myspace'; known"
                + " platforms: facebook-reels, instagram-reels, tiktok, youtube-shorts (reelhub.social.platforms)");
    }

    @Test
    void everyMalformedSettingIsReportedAtOnce() {
        Map<String, SocialProperties.Platform> bad = Map.of(
                "tiktok", new SocialProperties.Platform("1080 by 1920", "stretch", 10.0, 5.0, null, null, List.of(),
                        "6 a minute", null),
                "Bad_Name", new SocialProperties.Platform("1080x1920", "crop", null, null, null, null, null, null,
                        null));

        assertThatThrownBy(() -> new PlatformProfiles(new SocialProperties(bad, null, null)))
                .hasMessageContaining("reelhub.social.platforms.tiktok.size: '1080 by 1920' is not a frame size")
                .hasMessageContaining("tiktok.fit: 'stretch' is not crop or pad")
                .hasMessageContaining("tiktok.min-seconds/max-seconds: the lower bound 10.0 is above the upper"
                        + " bound 5.0")
                .hasMessageContaining("tiktok.rate: '6 a minute' is not a rate")
                .hasMessageContaining("Bad_Name: a platform name is lower-case letters, digits and dashes");
    }
}
