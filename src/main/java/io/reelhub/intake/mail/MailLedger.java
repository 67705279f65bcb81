package io.reelhub.intake.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The email channel's part of the ledger: each mail by Message-ID (attempts and outcome), the jobs it queued and
 * the reference images it brought. Every write commits on its own: an attempt is counted before the mail is
 * processed, so a mail that crashes the hub is still given up after the configured number of tries.
 */
@Repository
class MailLedger {

    /** How a mail ended. */
    enum Outcome {
        /** Every brief in it was accepted (or had been already). */
        PROCESSED,
        /** It had no brief, or at least one brief was rejected; the sender was told why. */
        REJECTED,
        /** The sender is not on the allowlist; nothing was generated. */
        REFUSED,
        /** Reading or processing it kept failing; given up after the configured number of attempts. */
        GAVE_UP
    }

    /**
     * @param number    this attempt's number, starting at 1
     * @param finished  how the mail ended earlier, or null while it is still being tried
     * @param lastError the previous attempt's error, if it failed
     */
    record Attempt(int number, Outcome finished, String lastError) {
    }

    /** A job from a mail that has ended and whose sender has not been told yet. */
    record EndedJob(String jobId, String messageId, String replyTo, String subject, String item) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MailLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts an attempt at a mail (creating its row on the first) and says whether it has already ended. */
    Attempt begin(MailEnvelope mail) {
        OffsetDateTime now = now();
        try {
            jdbc.update("insert into mail_intake (message_id, sender, subject, attempts, first_seen_at, updated_at)"
                    + " values (?, ?, ?, 1, ?, ?)", mail.messageId(), cut(mail.sender(), 320),
                    cut(mail.subject(), 1000), now, now);
        } catch (DuplicateKeyException seenBefore) {
            jdbc.update("update mail_intake set attempts = attempts + 1, updated_at = ? where message_id = ?"
                    + " and outcome is null", now, mail.messageId());
        }
        return jdbc.queryForObject("select attempts, outcome, last_error from mail_intake where message_id = ?",
                (rs, n) -> new Attempt(rs.getInt("attempts"),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("last_error")), mail.messageId());
    }

    void failed(String messageId, String error) {
        jdbc.update("update mail_intake set last_error = ?, updated_at = ? where message_id = ?", cut(error, 4000),
                now(), messageId);
    }

    void finish(String messageId, Outcome outcome) {
        jdbc.update("update mail_intake set outcome = ?, updated_at = ? where message_id = ? and outcome is null",
                outcome.name(), now(), messageId);
    }

    /**
     * Remembers whom to tell when the job ends; a second call for the same job (a retried mail) changes nothing.
     * A job from a mail that must not be answered (an automatic one) is recorded as answered already.
     */
    void recordJob(String jobId, MailEnvelope mail, String item, boolean answerable) {
        try {
            jdbc.update("insert into mail_jobs (job_id, message_id, reply_to, subject, item, answered_at)"
                    + " values (?, ?, ?, ?, ?, ?)", jobId, mail.messageId(), mail.sender() == null ? "" : mail.sender(),
                    cut(mail.subject(), 1000), cut(item, 300), answerable ? null : now());
        } catch (DuplicateKeyException alreadyRecorded) {
            // the same mail, tried again after a failure or a crash
        }
    }

    /** The mail a job came from, if it came by mail. */
    Optional<String> messageOf(String jobId) {
        return jdbc.queryForList("select message_id from mail_jobs where job_id = ?", String.class, jobId).stream()
                .findFirst();
    }

    void recordReference(String messageId, String project, String briefId, String fileName, String storedAs,
                         long size, String sha256) {
        try {
            jdbc.update("insert into mail_references (message_id, project, brief_id, file_name, stored_as,"
                    + " size_bytes, sha256) values (?, ?, ?, ?, ?, ?, ?)", messageId, project, briefId,
                    cut(fileName, 300), storedAs, size, sha256);
        } catch (DuplicateKeyException alreadyRecorded) {
            // the same image, stored by an earlier attempt at this mail
        }
    }

    /** Mail jobs that reached DELIVERED, FAILED or CANCELLED and whose sender has not been answered yet. */
    List<EndedJob> endedUnanswered(int limit) {
        return jdbc.query("select m.job_id, m.message_id, m.reply_to, m.subject, m.item from mail_jobs m"
                        + " join jobs j on j.id = m.job_id where m.answered_at is null"
                        + " and j.state in ('DELIVERED', 'FAILED', 'CANCELLED') order by j.updated_at limit ?",
                (rs, n) -> new EndedJob(rs.getString("job_id"), rs.getString("message_id"),
                        rs.getString("reply_to"), rs.getString("subject"), rs.getString("item")), limit);
    }

    /** Marks the job answered; false when someone else did it first. Runs inside the caller's transaction. */
    boolean markAnswered(String jobId) {
        return jdbc.update("update mail_jobs set answered_at = ? where job_id = ? and answered_at is null", now(),
                jobId) == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
