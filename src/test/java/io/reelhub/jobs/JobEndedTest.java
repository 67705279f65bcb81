package io.reelhub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Listeners such as the callback outbox hear of a job's end once, and only of transitions that happened. */
class JobEndedTest {

    private final List<Object> events = new ArrayList<>();
    private final JobStore store = store(events);

    @Test
    void onlyAMoveToATerminalStateIsPublishedAndOnlyOnce() {
        store.createQueued(job("job-ended-1"), "received");

        store.transition("job-ended-1", JobState.QUEUED, JobState.SUBMITTED, "submitted", JobChanges.none());
        store.transition("job-ended-1", JobState.SUBMITTED, JobState.FAILED, "gave up", JobChanges.none());
        boolean again = store.transition("job-ended-1", JobState.SUBMITTED, JobState.FAILED, "gave up",
                JobChanges.none());

        assertThat(again).isFalse();
        assertThat(events).containsExactly(
                new JobEnded("job-ended-1", JobState.SUBMITTED, JobState.FAILED, "gave up"));
    }

    private static JobStore store(List<Object> events) {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:job-ended;DB_CLOSE_DELAY=-1", "sa",
                "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        return new JobStore(new JdbcTemplate(data), Clock.systemUTC(), events::add);
    }

    private static NewJob job(String id) {
        return new NewJob(id, null, "acme", "spot", 1, "sh010", "post-production", "A spot", "api:test",
                "veo-3.1", "{\"shotId\":\"sh010\"}", "{}", "[]", new BigDecimal("1.60"));
    }
}
