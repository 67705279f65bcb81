package io.reelhub.intake.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import io.reelhub.support.MutableClock;

class IntakeLivenessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final IntakeLiveness liveness = new IntakeLiveness(clock, Duration.ofMinutes(10));
    private final IntakeHealthIndicator health = new IntakeHealthIndicator(liveness);
    private final Endpoint endpoint = new DefaultCamelContext().getEndpoint("direct:mailbox");
    private final Consumer consumer = consumer();

    @Test
    void aChannelThatPollsIsUpWithItsLastSuccess() {
        poll();

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(liveness.channels()).singleElement().satisfies(status -> {
            assertThat(status.lastSuccess()).isEqualTo(clock.instant());
            assertThat(status.polledMessages()).isEqualTo(2);
        });
    }

    @Test
    void aShortRunOfFailuresIsReportedButKeepsTheChannelUp() {
        poll();
        clock.advance(Duration.ofSeconds(60));
        fail("connection refused");

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(liveness.channels().get(0).lastErrorMessage()).isEqualTo("connection refused");
    }

    @Test
    void aChannelFailingLongerThanAllowedIsDownUntilItPollsAgain() {
        poll();
        clock.advance(Duration.ofSeconds(60));
        fail("connection refused");
        clock.advance(Duration.ofMinutes(11));
        fail("connection refused");

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsKey("direct://mailbox");

        poll();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(liveness.channels().get(0).failingSince()).isNull();
    }

    @Test
    void aChannelThatStoppedPollingAltogetherIsDown() {
        poll();
        clock.advance(Duration.ofMinutes(30));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private void poll() {
        liveness.begin(consumer, endpoint);
        liveness.commit(consumer, endpoint, 2);
    }

    private void fail(String message) {
        liveness.begin(consumer, endpoint);
        liveness.rollback(consumer, endpoint, 0, new IOException(message));
    }

    private Consumer consumer() {
        try {
            return endpoint.createConsumer(exchange -> { });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
