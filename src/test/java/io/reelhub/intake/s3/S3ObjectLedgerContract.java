package io.reelhub.intake.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.reelhub.brief.Problem;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.intake.s3.S3ObjectLedger.Entry;
import io.reelhub.intake.s3.S3ObjectLedger.State;

/** What the S3 intake's ledger promises, on each database the hub runs on. */
abstract class S3ObjectLedgerContract {

    private static final Duration LEASE = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock();

    abstract DataSource dataSource();

    static void migrate(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
    }

    private S3ObjectLedger ledger() {
        return new S3ObjectLedger(new JdbcTemplate(dataSource()), new ObjectMapper(), clock);
    }

    private static S3ObjectRef object() {
        return S3ObjectRef.of("briefs", "incoming/" + UUID.randomUUID() + ".yaml", "\"etag-1\"");
    }

    @Test
    void aNewObjectIsClaimedAsItsFirstAttempt() {
        Entry entry = ledger().claim(object(), 120, "node-1", LEASE).orElseThrow();

        assertThat(entry.state()).isEqualTo(State.NEW);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.outcome()).isNull();
    }

    @Test
    void everyClaimCountsAnAttemptAndKeepsTheLastError() {
        S3ObjectRef object = object();
        Entry first = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();
        ledger().recordFailure(first.id(), "copy failed");

        Entry second = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();

        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.lastError()).isEqualTo("copy failed");
    }

    @Test
    void anotherNodeCannotClaimAnObjectWhileItIsLeasedButCanOnceTheLeaseIsReleasedOrExpired() {
        S3ObjectRef object = object();
        Entry held = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();

        assertThat(ledger().claim(object, 120, "node-2", LEASE)).isEmpty();
        assertThat(ledger().claim(object, 120, "node-1", LEASE)).as("the same node after a restart").isPresent();

        clock.advance(LEASE.plusSeconds(1));
        assertThat(ledger().claim(object, 120, "node-2", LEASE)).as("an expired lease").isPresent();
        ledger().recordFailure(held.id(), "crashed");
        assertThat(ledger().claim(object, 120, "node-3", LEASE)).as("a released lease").isPresent();
    }

    @Test
    void theSameKeyWithOtherContentIsAnotherObject() {
        S3ObjectRef first = object();
        S3ObjectRef edited = S3ObjectRef.of(first.bucket(), first.key(), "etag-2");
        ledger().claim(first, 120, "node-1", LEASE).orElseThrow();

        Entry other = ledger().claim(edited, 130, "node-2", LEASE).orElseThrow();

        assertThat(other.attempts()).isEqualTo(1);
        assertThat(other.state()).isEqualTo(State.NEW);
    }

    @Test
    void theIntakeOutcomeIsKeptWithItsErrorsToFinishTheMoveLater() {
        S3ObjectRef object = object();
        Entry entry = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();
        IntakeOutcome rejected = new IntakeOutcome(IntakeOutcome.Status.REJECTED, "job-1", "p", "b", 0,
                List.of(new Problem("prompt.scene", "is required")), List.of());

        ledger().recordOutcome(entry.id(), rejected);
        ledger().recordArchiveKey(entry.id(), "incoming/failed/x.yaml");
        Entry found = ledger().find(object).orElseThrow();

        assertThat(found.state()).isEqualTo(State.ARCHIVING);
        assertThat(found.outcome()).isEqualTo(rejected);
        assertThat(found.archiveKey()).isEqualTo("incoming/failed/x.yaml");
    }

    @Test
    void aMovedObjectThatAppearsAgainStartsFreshAttemptsTowardsTheSamePlace() {
        S3ObjectRef object = object();
        Entry entry = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();
        ledger().recordOutcome(entry.id(), new IntakeOutcome(IntakeOutcome.Status.ACCEPTED, "job-2", "p", "b", 1,
                List.of(), List.of()));
        ledger().recordArchiveKey(entry.id(), "incoming/processed/x.yaml");
        ledger().claim(object, 120, "node-1", LEASE).orElseThrow();
        ledger().recordMoved(entry.id(), State.DONE);

        Entry again = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();

        assertThat(again.state()).isEqualTo(State.ARCHIVING);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.archiveKey()).isEqualTo("incoming/processed/x.yaml");
    }

    @Test
    void anObjectSetAsideThatIsUploadedAgainIsTriedAfreshTowardsANewName() {
        S3ObjectRef object = object();
        Entry entry = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();
        ledger().recordQuarantining(entry.id(), "incoming/failed/x.yaml", "copy failed");
        ledger().recordMoved(entry.id(), State.QUARANTINED);

        Entry again = ledger().claim(object, 120, "node-1", LEASE).orElseThrow();

        assertThat(again.state()).isEqualTo(State.NEW);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.archiveKey()).isNull();
    }

    @Test
    void theLongestS3KeyFits() {
        String key = "incoming/" + "k".repeat(1024 - "incoming/".length());

        assertThat(ledger().claim(S3ObjectRef.of("briefs", key, "e"), 1, "node-1", LEASE)).isPresent();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
