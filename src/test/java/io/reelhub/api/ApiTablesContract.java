package io.reelhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.reelhub.callback.Callback;
import io.reelhub.callback.CallbackAttempt;
import io.reelhub.callback.CallbackOutbox;
import io.reelhub.callback.CallbackState;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;

/**
 * What the REST intake's tables must do the same way on every database behind the hub: H2 by default, PostgreSQL
 * in a cluster. Idempotency-Keys are taken once and expire; callbacks are leased once and wait their due time.
 */
abstract class ApiTablesContract {

    abstract DataSource dataSource();

    static void migrate(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    private IdempotencyRecords keys(Duration ttl) {
        return new IdempotencyRecords(jdbc(), Clock.systemUTC(), ttl);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aKeyIsTakenOnceAndAnswersWithWhatWasRecorded() {
        IdempotencyRecords keys = keys(Duration.ofHours(24));
        String key = unique("key");
        keys.claim(key, "a".repeat(64));
        keys.answer(key, 202, "job-1", null);

        assertThatThrownBy(() -> keys.claim(key, "a".repeat(64))).isInstanceOf(DuplicateKeyException.class);
        IdempotencyRecord record = keys.find(key).orElseThrow();
        assertThat(record.status()).isEqualTo(202);
        assertThat(record.jobId()).isEqualTo("job-1");
        assertThat(record.requestSha256()).isEqualTo("a".repeat(64));
        assertThat(record.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void anExpiredKeyIsForgottenAndCanBeTakenAgain() {
        IdempotencyRecords expiring = keys(Duration.ZERO);
        String key = unique("key");
        expiring.claim(key, "a".repeat(64));

        assertThat(expiring.find(key)).isEmpty();
        expiring.claim(key, "b".repeat(64));
        assertThat(expiring.purgeExpired()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCallbackIsLeasedOnceAndWaitsForItsNextAttempt() {
        String jobId = unique("job");
        new JobStore(jdbc(), Clock.systemUTC()).createQueued(new NewJob(jobId, null, "acme", "spot", 1, null,
                "post-production", null, "api:test", "veo-3.1", "{}", "{}", "[]", BigDecimal.ONE), "received");
        CallbackOutbox outbox = new CallbackOutbox(jdbc(), Clock.systemUTC());
        String id = unique("msg");
        outbox.add(id, jobId, "job.delivered", "https://hooks.example.com/x", "{\"type\":\"job.delivered\"}");

        List<Callback> first = outbox.claimDue("node-a", Duration.ofMinutes(1), 100);
        List<Callback> second = outbox.claimDue("node-b", Duration.ofMinutes(1), 100);
        Callback callback = first.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(second).extracting(Callback::id).doesNotContain(id);

        outbox.recordAttempt(callback, new CallbackAttempt(1, Instant.now(), 500, "HTTP 500", 12),
                CallbackState.PENDING, Instant.now().plus(Duration.ofHours(1)));
        assertThat(outbox.claimDue("node-b", Duration.ofMinutes(1), 100)).extracting(Callback::id).doesNotContain(id);

        outbox.recordAttempt(callback, new CallbackAttempt(2, Instant.now(), 204, null, 8), CallbackState.DELIVERED,
                null);
        Callback delivered = outbox.forJob(jobId).get(0);
        assertThat(delivered.state()).isEqualTo(CallbackState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.deliveredAt()).isNotNull();
        assertThat(outbox.attempts(id)).extracting(CallbackAttempt::statusCode).containsExactly(500, 204);
    }
}
