package io.reelhub.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;
import io.reelhub.support.MutableClock;
import io.reelhub.support.PostgresSchema;

/**
 * The post ledger's SQL (the per-platform row lock, the counted window) on the PostgreSQL of this machine, in a
 * throw-away schema; the H2 side runs in every social test.
 */
class SocialPostLedgerPostgresIT {

    private static PostgresSchema schema;

    @BeforeAll
    static void migrate() {
        schema = PostgresSchema.createOrSkip();
        Flyway.configure().dataSource(schema.dataSource()).schemas(schema.name()).locations("classpath:db/migration")
                .load().migrate();
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    void aFullPlatformDefersTheNextPostAndARepeatOfAPostedOneKeepsItsId() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        JdbcTemplate jdbc = new JdbcTemplate(schema.dataSource());
        SocialPostLedger ledger = new SocialPostLedger(jdbc, new DataSourceTransactionManager(schema.dataSource()),
                clock);
        PostRate rate = PostRate.parse("2 per minute");
        String first = job(jdbc, clock);
        String second = job(jdbc, clock);
        String third = job(jdbc, clock);

        ledger.reserve(first, "ayrshare", "tiktok", first + ".ayrshare.tiktok", rate);
        ledger.posted(first, "ayrshare", "tiktok", "ayr-1");
        clock.advance(Duration.ofSeconds(10));
        ledger.reserve(second, "ayrshare", "tiktok", second + ".ayrshare.tiktok", rate);

        assertThatThrownBy(() -> ledger.reserve(third, "ayrshare", "tiktok", third + ".ayrshare.tiktok", rate))
                .isInstanceOfSatisfying(PostNotBeforeException.class, e -> assertThat(e.notBefore())
                        .isEqualTo(Instant.parse("2026-03-02T10:01:00Z")));
        ledger.refused(second, "ayrshare", "tiktok", "refused");
        ledger.reserve(third, "ayrshare", "tiktok", third + ".ayrshare.tiktok", rate);
        assertThat(ledger.find(first, "ayrshare", "tiktok")).get()
                .extracting(SocialPostLedger.Entry::state, SocialPostLedger.Entry::remotePostId)
                .containsExactly(SocialPostLedger.State.POSTED, "ayr-1");
        assertThat(ledger.find(third, "ayrshare", "tiktok")).get().extracting(SocialPostLedger.Entry::state)
                .isEqualTo(SocialPostLedger.State.SENDING);
    }

    private static String job(JdbcTemplate jdbc, MutableClock clock) {
        String id = "job-" + UUID.randomUUID().toString().substring(0, 12);
        new JobStore(jdbc, clock).createQueued(new NewJob(id, null, "acme", "spot", 1, "sh010", "social", null,
                "test", "veo-3.1", "{}", null, null, BigDecimal.ONE), "received from test");
        return id;
    }
}
