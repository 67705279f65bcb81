package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelhub.jobs.JobStore;
import io.reelhub.support.MutableClock;

class SubmitThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final JobStore store = mock(JobStore.class);

    private SubmitThrottle throttle(ProviderLimits.Limit limit) {
        return new SubmitThrottle(new ProviderLimits(Map.of("gemini", limit), null, null), store, clock);
    }

    @Test
    void sixtyPerMinuteAdmitsSixtyThenWaitsOutTheWidenedWindow() {
        SubmitThrottle throttle = throttle(new ProviderLimits.Limit(60, null, null, null));
        for (int i = 0; i < 60; i++) {
            assertThat(throttle.admit("gemini", "veo-3.1")).as("submit %d", i).isEmpty();
        }

        assertThat(throttle.admit("gemini", "veo-3.1")).contains(Duration.ofSeconds(63));
        clock.advance(Duration.ofSeconds(63));
        assertThat(throttle.admit("gemini", "veo-3.1")).isEmpty();
    }

    @Test
    void eachModelHasItsOwnWindow() {
        SubmitThrottle throttle = throttle(new ProviderLimits.Limit(1, null, null, null));

        assertThat(throttle.admit("gemini", "veo-3.1")).isEmpty();
        assertThat(throttle.admit("gemini", "veo-3.1-fast")).isEmpty();
        assertThat(throttle.admit("gemini", "veo-3.1")).isPresent();
    }

    @Test
    void aProviderWithoutLimitsIsNeverThrottled() {
        SubmitThrottle throttle = throttle(new ProviderLimits.Limit(1, null, null, null));

        for (int i = 0; i < 100; i++) {
            assertThat(throttle.admit("sandbox", "veo-3.1")).isEmpty();
        }
    }

    @Test
    void aModelAtItsConcurrencyCapWaitsUntilAGenerationFinishes() {
        SubmitThrottle throttle = throttle(new ProviderLimits.Limit(null, null, null, 2));
        when(store.countAtProvider("gemini", "veo-3.1")).thenReturn(2, 1);

        assertThat(throttle.admit("gemini", "veo-3.1")).isPresent();
        assertThat(throttle.admit("gemini", "veo-3.1")).isEmpty();
    }

    @Test
    void theWindowIsWidenedByFivePercentAndAtLeastHalfASecond() {
        assertThat(SubmitThrottle.widened(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(63));
        assertThat(SubmitThrottle.widened(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(2500));
    }
}
