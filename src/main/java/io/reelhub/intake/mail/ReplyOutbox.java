package io.reelhub.intake.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Replies waiting to be sent. A reply is recorded first and sent by the {@code mail-replies} route, so an SMTP
 * outage never makes a mail be processed again and a crash never loses a reply. A send is leased, so two polls never
 * send the same reply at once; the only duplicate possible is a crash between the SMTP hand-over and the "sent"
 * mark, and that resend carries the same Message-ID, which mail clients show once.
 */
@Repository
class ReplyOutbox {

    /** A reply claimed for sending. */
    record Pending(String id, OutgoingReply reply, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReplyOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a reply; false when one with the same key exists already (a retried mail answers once). */
    boolean queue(OutgoingReply reply) {
        OffsetDateTime now = now();
        try {
            jdbc.update("insert into mail_replies (id, reply_key, recipient, subject, body, in_reply_to, thread_refs,"
                            + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    "reply-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                    MailLedger.cut(reply.key(), 1100), reply.recipient(), MailLedger.cut(reply.subject(), 1000),
                    MailLedger.cut(reply.body(), 65536), reply.inReplyTo(), MailLedger.cut(reply.threadRefs(), 4000),
                    now, now);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /** Leases up to {@code limit} replies that are due. */
    List<Pending> claimDue(Duration lease, int limit) {
        OffsetDateTime now = now();
        List<String> ids = jdbc.queryForList("select id from mail_replies where sent_at is null and gave_up_at is null"
                + " and next_attempt_at <= ? and (lease_until is null or lease_until < ?)"
                + " order by next_attempt_at, created_at limit ?", String.class, now, now, limit);
        List<Pending> claimed = new ArrayList<>();
        for (String id : ids) {
            if (jdbc.update("update mail_replies set lease_until = ? where id = ? and sent_at is null"
                    + " and (lease_until is null or lease_until < ?)", now.plus(lease), id, now) == 1) {
                claimed.add(jdbc.queryForObject("select id, reply_key, recipient, subject, body, in_reply_to,"
                        + " thread_refs, attempts from mail_replies where id = ?", (rs, n) -> new Pending(
                        rs.getString("id"), new OutgoingReply(rs.getString("reply_key"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("in_reply_to"),
                        rs.getString("thread_refs")), rs.getInt("attempts")), id));
            }
        }
        return claimed;
    }

    void sent(String id) {
        jdbc.update("update mail_replies set sent_at = ?, lease_until = null, last_error = null where id = ?", now(),
                id);
    }

    /** Records a failed send: tried again at {@code retryAt}, or given up when that is null. */
    void failed(String id, String error, Instant retryAt) {
        OffsetDateTime now = now();
        if (retryAt == null) {
            jdbc.update("update mail_replies set attempts = attempts + 1, gave_up_at = ?, lease_until = null,"
                    + " last_error = ? where id = ?", now, MailLedger.cut(error, 4000), id);
        } else {
            jdbc.update("update mail_replies set attempts = attempts + 1, next_attempt_at = ?, lease_until = null,"
                            + " last_error = ? where id = ?", OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC),
                    MailLedger.cut(error, 4000), id);
        }
    }

    Instant now(Duration plus) {
        return clock.instant().plus(plus);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
