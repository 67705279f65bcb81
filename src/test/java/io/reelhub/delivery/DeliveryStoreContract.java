package io.reelhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;

/** The deliveries table's rules, run on H2 ({@link DeliveryStoreTest}) and PostgreSQL ({@link DeliveryStorePostgresIT}). */
abstract class DeliveryStoreContract {

    abstract DataSource dataSource();

    static void migrate(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
    }

    private DeliveryStore deliveries() {
        return new DeliveryStore(new JdbcTemplate(dataSource()), Clock.systemUTC(), new ObjectMapper());
    }

    private String newJob() {
        String id = "job-" + UUID.randomUUID().toString().substring(0, 12);
        new JobStore(new JdbcTemplate(dataSource()), Clock.systemUTC()).createQueued(new NewJob(id, null, "acme",
                "spot", 1, "sh010", "post-production", null, "test", "veo-3.1", "{}", null, null,
                BigDecimal.ONE), "received from test");
        return id;
    }

    @Test
    void planningTwiceKeepsOneRowPerDestinationInTheStageTablesOrder() {
        String job = newJob();
        deliveries().plan(job, List.of("editing-bin", "slack"));
        deliveries().markDelivered(job, "editing-bin", List.of("/bins/a.mp4"));

        deliveries().plan(job, List.of("editing-bin", "slack"));

        assertThat(deliveries().forJob(job)).extracting(DestinationDelivery::destination, DestinationDelivery::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("editing-bin", DeliveryState.DELIVERED),
                        org.assertj.core.groups.Tuple.tuple("slack", DeliveryState.PENDING));
        assertThat(deliveries().forJob(job).get(0).outputs()).containsExactly("/bins/a.mp4");
    }

    @Test
    void aFailedAttemptIsCountedAndWaitsForItsTime() {
        String job = newJob();
        deliveries().plan(job, List.of("webhook"));
        Instant next = Instant.now().plusSeconds(60);

        deliveries().retryLater(job, "webhook", next, "answered 503");

        DestinationDelivery row = deliveries().forJob(job).get(0);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("answered 503");
        assertThat(row.isDue(Instant.now())).isFalse();
        assertThat(row.isDue(next.plusSeconds(1))).isTrue();
    }

    @Test
    void aDeferredDeliveryWaitsForItsTimeWithoutCountingAnAttempt() {
        String job = newJob();
        deliveries().plan(job, List.of("ayrshare"));
        deliveries().retryLater(job, "ayrshare", Instant.now(), "answered 503");
        // whole milliseconds: PostgreSQL keeps microseconds and rounds, H2 keeps nanoseconds
        Instant next = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

        deliveries().deferUntil(job, "ayrshare", next, "waiting until then: tiktok's rate limit is full");

        DestinationDelivery row = deliveries().forJob(job).get(0);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(row.lastError()).contains("rate limit is full");
        assertThat(row.isDue(next.minusSeconds(1))).isFalse();
        assertThat(row.isDue(next)).isTrue();
    }

    @Test
    void aRetryRequeuesOnlyTheParkedDeliveriesAndADeliveredOneIsNeverMarkedAgain() {
        String job = newJob();
        deliveries().plan(job, List.of("editing-bin", "webhook"));
        deliveries().markDelivered(job, "editing-bin", List.of("/bins/a.mp4"));
        deliveries().park(job, "webhook", "parked after 5 failed attempts: answered 503");

        List<String> requeued = deliveries().requeueParked(job);

        assertThat(requeued).containsExactly("webhook");
        DestinationDelivery hook = deliveries().forJob(job).get(1);
        assertThat(hook.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(hook.attempts()).isZero();
        assertThat(deliveries().requeueParked(job)).isEmpty();
        assertThat(deliveries().markDelivered(job, "editing-bin", List.of("/other"))).isFalse();
        assertThat(deliveries().forJob(job).get(0).outputs()).containsExactly("/bins/a.mp4");
    }
}
