package io.reelhub.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.reelhub.costs.BriefBudget;
import io.reelhub.costs.CostLedger;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;

/**
 * The generation_attempts table and the per-brief spend a further attempt is checked against, run on H2
 * ({@link GenerationAttemptsTest}) and PostgreSQL ({@link GenerationAttemptsPostgresIT}).
 */
abstract class GenerationAttemptsContract {

    abstract DataSource dataSource();

    static void migrate(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
    }

    private GenerationAttempts attempts() {
        return new GenerationAttempts(new JdbcTemplate(dataSource()));
    }

    private JobStore jobs() {
        return new JobStore(new JdbcTemplate(dataSource()), Clock.systemUTC());
    }

    private String newJob(String project, String brief, BigDecimal estimate) {
        String id = "job-" + UUID.randomUUID().toString().substring(0, 12);
        jobs().createQueued(new NewJob(id, null, project, brief, 1, "sh010", "post-production", null, "test",
                "veo-3.1", "{}", null, null, estimate), "received from test");
        return id;
    }

    @Test
    void attemptsAreReadBackFirstToLastWithTheirReportAndANullSeedStaysNull() {
        String job = newJob("acme", "spot", new BigDecimal("1.60"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        attempts().record(new Attempt(job, 2, null, job + "-qc2", "sandbox", "video_2", "work/sh010.mp4",
                new BigDecimal("1.60"), true, Attempt.Decision.DELIVER, "{\"attempt\":2,\"passed\":true}", at));
        attempts().record(new Attempt(job, 1, 42L, job, "sandbox", "video_1", "work/attempts/sh010_attempt1.mp4",
                new BigDecimal("1.60"), false, Attempt.Decision.GENERATE_AGAIN, "{\"attempt\":1,\"passed\":false}",
                at.minusSeconds(5)));

        assertThat(attempts().of(job)).extracting(Attempt::attempt, Attempt::seed, Attempt::passed,
                        Attempt::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 42L, false, Attempt.Decision.GENERATE_AGAIN),
                        org.assertj.core.groups.Tuple.tuple(2, null, true, Attempt.Decision.DELIVER));
        Attempt first = attempts().of(job).get(0);
        assertThat(first.reportJson()).isEqualTo("{\"attempt\":1,\"passed\":false}");
        assertThat(first.costUsd()).isEqualByComparingTo("1.60");
        assertThat(first.checkedAt()).isEqualTo(at.minusSeconds(5));
        assertThat(attempts().count(job)).isEqualTo(2);
        assertThat(attempts().of("job-unknown")).isEmpty();
    }

    @Test
    void oneAttemptNumberIsRecordedOnceSoARepeatedCheckCannotAddASecondRow() {
        String job = newJob("acme", "spot", BigDecimal.ONE);
        Attempt attempt = new Attempt(job, 1, 7L, job, "sandbox", "video_1", null, BigDecimal.ONE, false,
                Attempt.Decision.REVIEW, "{}", Instant.now());
        attempts().record(attempt);

        assertThatThrownBy(() -> attempts().record(attempt)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts().count(job)).isEqualTo(1);
    }

    @Test
    void anAttemptBelongsToAJobThatExists() {
        assertThatThrownBy(() -> attempts().record(new Attempt("job-nowhere", 1, null, null, null, null, null, null,
                false, Attempt.Decision.REVIEW, "{}", Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aBriefsCommittedSpendCountsEveryAttemptOfItsGenerationsAndNothingElse() {
        String brief = "brief-" + UUID.randomUUID().toString().substring(0, 8);
        String first = newJob("acme", brief, new BigDecimal("1.60"));
        String cancelled = newJob("acme", brief, new BigDecimal("5.00"));
        newJob("acme", "another-" + brief, new BigDecimal("9.00"));
        jobs().transition(cancelled, JobState.QUEUED, JobState.CANCELLED, "cancelled by test", JobChanges.none());
        // the first shot was generated again once: its estimate now carries both attempts
        jobs().transition(first, JobState.QUEUED, JobState.QUEUED, "generated again", JobChanges.none()
                .set("cost_estimate_usd", new BigDecimal("3.20")));
        CostLedger ledger = new CostLedger(new JdbcTemplate(dataSource()));

        assertThat(ledger.committedToBrief("acme", brief, 1)).isEqualByComparingTo("3.20");
        BriefBudget budget = new BriefBudget(ledger);
        assertThat(budget.check("acme", brief, 1, new BigDecimal("4.80"), new BigDecimal("1.60"))).isEmpty();
        assertThat(budget.check("acme", brief, 1, new BigDecimal("4.79"), new BigDecimal("1.60")))
                .hasValueSatisfying(problem -> assertThat(problem.message()).isEqualTo("the estimate of 1.60 USD"
                        + " would bring brief " + brief + " v1 to 4.80 USD, over its budget of 4.79 USD"));
        assertThat(budget.check("acme", brief, 1, null, new BigDecimal("100"))).isEmpty();
    }

    @Test
    void aRenderIsBilledAtTheJobsEstimateSoEveryPaidAttemptIsCounted() {
        String job = newJob("acme", "billed-" + UUID.randomUUID().toString().substring(0, 8), new BigDecimal("1.60"));
        CostLedger ledger = new CostLedger(new JdbcTemplate(dataSource()));
        ledger.billed(job);
        jobs().transition(job, JobState.QUEUED, JobState.QUEUED, "generated again", JobChanges.none()
                .set("cost_estimate_usd", new BigDecimal("3.20")));

        ledger.billed(job);
        ledger.billed(job);

        assertThat(new JdbcTemplate(dataSource()).queryForObject("select actual_cost_usd from jobs where id = ?",
                BigDecimal.class, job)).isEqualByComparingTo("3.20");
    }
}
