package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;

/** The email ledger's promises, run on H2 ({@link MailLedgerTest}) and PostgreSQL ({@link MailLedgerPostgresIT}). */
abstract class MailLedgerContract {

    abstract DataSource dataSource();

    static void migrate(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load().migrate();
    }

    private MailLedger ledger() {
        return new MailLedger(new JdbcTemplate(dataSource()), Clock.systemUTC());
    }

    private ReplyOutbox outbox() {
        return new ReplyOutbox(new JdbcTemplate(dataSource()), Clock.systemUTC());
    }

    private static MailEnvelope mail() {
        return new MailEnvelope("<" + UUID.randomUUID() + "@acme.test>", "bob@acme.test", "Spot", null, false);
    }

    @Test
    void attemptsAreCountedUntilTheMailEndsAndAnEndedMailStaysEnded() {
        MailLedger ledger = ledger();
        MailEnvelope mail = mail();

        assertThat(ledger.begin(mail).number()).isEqualTo(1);
        ledger.failed(mail.messageId(), "IOException: broken");
        MailLedger.Attempt second = ledger.begin(mail);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.lastError()).isEqualTo("IOException: broken");
        ledger.finish(mail.messageId(), MailLedger.Outcome.GAVE_UP);
        ledger.finish(mail.messageId(), MailLedger.Outcome.PROCESSED);

        MailLedger.Attempt after = ledger.begin(mail);
        assertThat(after.finished()).isEqualTo(MailLedger.Outcome.GAVE_UP);
        assertThat(after.number()).as("an ended mail is not counted again").isEqualTo(2);
    }

    @Test
    void anEndedMailJobIsAnsweredOnce() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        JobStore jobs = new JobStore(jdbc, Clock.systemUTC());
        String jobId = "job-" + UUID.randomUUID().toString().substring(0, 8);
        jobs.createQueued(new NewJob(jobId, null, "acme", jobId, 1, "sh010", "post-production", null, "mail:x",
                "veo-3.1", "{}", "{}", "[]", null), "received");
        MailLedger ledger = ledger();
        MailEnvelope mail = mail();
        ledger.recordJob(jobId, mail, "body", true);
        ledger.recordJob(jobId, mail, "body", true);
        assertThat(ledger.messageOf(jobId)).contains(mail.messageId());
        assertThat(ledger.endedUnanswered(100)).noneMatch(e -> e.jobId().equals(jobId));

        jdbc.update("update jobs set state = 'DELIVERED' where id = ?", jobId);
        assertThat(ledger.endedUnanswered(100)).anyMatch(e -> e.jobId().equals(jobId));
        assertThat(ledger.markAnswered(jobId)).isTrue();
        assertThat(ledger.markAnswered(jobId)).isFalse();
        assertThat(ledger.endedUnanswered(100)).noneMatch(e -> e.jobId().equals(jobId));
    }

    @Test
    void aReplyIsQueuedOnceLeasedToOneSenderAndRetriedUntilSent() {
        ReplyOutbox outbox = outbox();
        String key = UUID.randomUUID() + "#received";
        OutgoingReply reply = new OutgoingReply(key, "bob@acme.test", "Re: Spot", "body", "<1@x>", "<1@x>");
        assertThat(outbox.queue(reply)).isTrue();
        assertThat(outbox.queue(reply)).isFalse();

        ReplyOutbox.Pending claimed = outbox.claimDue(Duration.ofMinutes(1), 100).stream()
                .filter(p -> p.reply().key().equals(key)).findFirst().orElseThrow();
        assertThat(outbox.claimDue(Duration.ofMinutes(1), 100)).noneMatch(p -> p.reply().key().equals(key));

        outbox.failed(claimed.id(), "SMTP down", outbox.now(Duration.ZERO).minusSeconds(1));
        ReplyOutbox.Pending again = outbox.claimDue(Duration.ofMinutes(1), 100).stream()
                .filter(p -> p.reply().key().equals(key)).findFirst().orElseThrow();
        assertThat(again.attempts()).isEqualTo(1);
        outbox.sent(again.id());
        assertThat(outbox.claimDue(Duration.ZERO, 100)).noneMatch(p -> p.reply().key().equals(key));
    }
}
