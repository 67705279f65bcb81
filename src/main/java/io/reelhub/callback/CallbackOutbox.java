package io.reelhub.callback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable queue of result webhooks. Rows are added in the transaction that ends a job and leased by the sender
 * like jobs are by the pump; every attempt is a row of its own, and the wait before the next one is a due time in
 * the table, so no thread sleeps and a restart loses no retry.
 */
@Repository
public class CallbackOutbox {

    private static final String COLUMNS = "id, job_id, event_type, url, payload, state, attempts, next_attempt_at,"
            + " last_status, last_error, created_at, updated_at, delivered_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CallbackOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues a callback, due at once; joins the caller's transaction. */
    public void add(String id, String jobId, String eventType, String url, String payload) {
        OffsetDateTime now = now();
        jdbc.update("insert into callback_outbox (id, job_id, event_type, url, payload, state, attempts,"
                        + " next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                id, jobId, eventType, url, payload, CallbackState.PENDING.name(), now, now, now);
    }

    /** Leases up to {@code limit} callbacks that are due; a lease left by a crashed node expires by itself. */
    @Transactional
    public List<Callback> claimDue(String owner, Duration leaseFor, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        OffsetDateTime now = now();
        List<String> ids = jdbc.queryForList("select id from callback_outbox where state = ? and next_attempt_at <= ?"
                        + " and (lease_until is null or lease_until < ?) order by next_attempt_at, id limit ?",
                String.class, CallbackState.PENDING.name(), now, now, limit);
        List<Callback> claimed = new ArrayList<>();
        for (String id : ids) {
            int won = jdbc.update("update callback_outbox set lease_owner = ?, lease_until = ? where id = ?"
                    + " and (lease_until is null or lease_until < ?)", owner, now.plus(leaseFor), id, now);
            if (won == 1) {
                claimed.addAll(jdbc.query("select " + COLUMNS + " from callback_outbox where id = ?", CALLBACK, id));
            }
        }
        return claimed;
    }

    public int releaseLeasesOf(String owner) {
        return jdbc.update("update callback_outbox set lease_owner = null, lease_until = null where lease_owner = ?",
                owner);
    }

    /**
     * Records an attempt and what follows from it, and frees the lease.
     *
     * @param next   the state after this attempt
     * @param nextAt when to try again (PENDING only)
     */
    @Transactional
    public void recordAttempt(Callback callback, CallbackAttempt attempt, CallbackState next, Instant nextAt) {
        jdbc.update("insert into callback_attempts (callback_id, attempt, at, status_code, error, duration_ms)"
                        + " values (?, ?, ?, ?, ?, ?)", callback.id(), attempt.attempt(), utc(attempt.at()),
                attempt.statusCode(), truncate(attempt.error()), attempt.durationMs());
        OffsetDateTime now = now();
        jdbc.update("update callback_outbox set state = ?, attempts = ?, next_attempt_at = ?, last_status = ?,"
                        + " last_error = ?, updated_at = ?, delivered_at = ?, lease_owner = null, lease_until = null"
                        + " where id = ?", next.name(), attempt.attempt(), utc(nextAt == null ? attempt.at() : nextAt),
                attempt.statusCode(), truncate(attempt.error()), now,
                next == CallbackState.DELIVERED ? now : null, callback.id());
    }

    public List<Callback> forJob(String jobId) {
        return jdbc.query("select " + COLUMNS + " from callback_outbox where job_id = ? order by created_at, id",
                CALLBACK, jobId);
    }

    public List<CallbackAttempt> attempts(String callbackId) {
        return jdbc.query("select attempt, at, status_code, error, duration_ms from callback_attempts"
                        + " where callback_id = ? order by seq",
                (rs, n) -> new CallbackAttempt(rs.getInt("attempt"), instant(rs, "at"),
                        rs.getObject("status_code", Integer.class), rs.getString("error"),
                        rs.getLong("duration_ms")), callbackId);
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<Callback> CALLBACK = (rs, n) -> new Callback(rs.getString("id"),
            rs.getString("job_id"), rs.getString("event_type"), rs.getString("url"), rs.getString("payload"),
            CallbackState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
            rs.getObject("last_status", Integer.class), rs.getString("last_error"), instant(rs, "created_at"),
            instant(rs, "updated_at"), instant(rs, "delivered_at"));
}
