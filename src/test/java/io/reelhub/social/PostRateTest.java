package io.reelhub.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PostRateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void readsRatesAsPlatformsDocumentThem() {
        assertThat(PostRate.parse("6 per minute, 15 per day").windows()).containsExactly(
                new PostRate.Window(6, Duration.ofMinutes(1)), new PostRate.Window(15, Duration.ofDays(1)));
        assertThat(PostRate.parse("50 posts per 24h").windows())
                .containsExactly(new PostRate.Window(50, Duration.ofHours(24)));
        assertThat(PostRate.parse("30 per PT12H").windows())
                .containsExactly(new PostRate.Window(30, Duration.ofHours(12)));
        assertThat(PostRate.parse(" ")).isEqualTo(PostRate.UNLIMITED);
        assertThat(PostRate.parse("6 per minute, 15 per day")).hasToString("6 per minute, 15 per day");
    }

    @Test
    void aRateThatCannotBeReadIsNamedWithAnExample() {
        assertThatThrownBy(() -> PostRate.parse("6 a minute"))
                .hasMessage("'6 a minute' is not a rate; write e.g. '6 per minute, 15 per day' or '50 per 24h'");
        assertThatThrownBy(() -> PostRate.parse("6 per fortnight")).hasMessageContaining("'fortnight' is not a"
                + " length of time");
        assertThatThrownBy(() -> PostRate.parse("0 per day")).hasMessageContaining("allows no post at all");
    }

    @Test
    void aPostMayGoWhileEveryWindowHasRoom() {
        PostRate rate = PostRate.parse("2 per minute, 3 per hour");

        assertThat(rate.nextAllowed(List.of(NOW.minusSeconds(30)), NOW)).isEmpty();
        assertThat(rate.nextAllowed(List.of(NOW.minusSeconds(90), NOW.minusSeconds(30)), NOW)).isEmpty();
    }

    @Test
    void aFullWindowFreesWhenItsOldestCountedPostLeavesIt() {
        PostRate rate = PostRate.parse("2 per minute, 3 per hour");

        assertThat(rate.nextAllowed(List.of(NOW.minusSeconds(10), NOW.minusSeconds(40)), NOW))
                .contains(NOW.plusSeconds(20));
        assertThat(rate.nextAllowed(List.of(NOW.minusSeconds(2000), NOW.minusSeconds(1000), NOW.minusSeconds(100)),
                NOW)).contains(NOW.minusSeconds(2000).plus(Duration.ofHours(1)));
    }

    @Test
    void thePostsThatKeepAWindowFullAreTheNewestOnes() {
        PostRate rate = PostRate.parse("2 per minute");

        assertThat(rate.nextAllowed(List.of(NOW.minusSeconds(50), NOW.minusSeconds(20), NOW.minusSeconds(5)), NOW))
                .contains(NOW.plusSeconds(40));
    }
}
