package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelhub.support.MutableClock;

class ProviderBreakerTest {

    private final Instant start = Instant.parse("2026-11-25T10:00:00Z");
    private final ProviderLimits limits = new ProviderLimits(Map.of(), 3, Duration.ofSeconds(30));

    @Test
    void threeFailuresInARowKeepNewSubmitsAwayForTheConfiguredTime() {
        ProviderBreaker breaker = new ProviderBreaker(limits, Clock.fixed(start, ZoneOffset.UTC));
        breaker.failed("kling");
        breaker.failed("kling");
        assertThat(breaker.waitFor("kling")).isEmpty();

        breaker.failed("kling");

        assertThat(breaker.waitFor("kling")).contains(Duration.ofSeconds(30));
        assertThat(breaker.waitFor("fal")).as("other providers are not affected").isEmpty();
    }

    @Test
    void aSuccessClosesTheBreakerAndResetsTheCount() {
        ProviderBreaker breaker = new ProviderBreaker(limits, Clock.fixed(start, ZoneOffset.UTC));
        breaker.failed("kling");
        breaker.failed("kling");
        breaker.failed("kling");

        breaker.succeeded("kling");
        breaker.failed("kling");

        assertThat(breaker.waitFor("kling")).isEmpty();
    }

    @Test
    void afterTheOpenTimeSubmitsMayTryAgain() {
        MutableClock clock = new MutableClock(start);
        ProviderBreaker breaker = new ProviderBreaker(limits, clock);
        for (int i = 0; i < 3; i++) {
            breaker.failed("kling");
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.waitFor("kling")).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.waitFor("kling")).isEmpty();
    }
}
