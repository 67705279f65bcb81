package io.reelhub.social;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code social_posts} table: what the hub posted, or is posting, per job, destination and platform. A post's
 * row is written before its scheduler is called and gets the scheduler's id once it answers, so a repeated
 * delivery finds it and never posts twice. The same rows are what the platforms' rate limits count: a place is
 * taken under a per-platform row lock, so two workers (or two nodes) never both take the last one.
 */
@Repository
public class SocialPostLedger {

    /** Where a post stands. */
    public enum State {
        /** Intent recorded, the scheduler called or about to be; after a crash or timeout the outcome is unknown. */
        SENDING,
        /** The scheduler created it; its id is recorded. */
        POSTED,
        /** The scheduler refused it; nothing exists and it no longer counts against the rate limit. */
        FAILED
    }

    /** One row. */
    public record Entry(String jobId, String destination, String platform, State state, String idempotencyKey,
                        String remotePostId, int attempts, Instant firstSentAt, Instant countedAt, Instant postedAt,
                        String lastError) {
    }

    private static final String COLUMNS = "job_id, destination, platform, state, idempotency_key, remote_post_id,"
            + " attempts, first_sent_at, counted_at, posted_at, last_error";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Set<String> lockRows = ConcurrentHashMap.newKeySet();
    private final RowMapper<Entry> rows = (rs, n) -> new Entry(rs.getString("job_id"), rs.getString("destination"),
            rs.getString("platform"), State.valueOf(rs.getString("state")), rs.getString("idempotency_key"),
            rs.getString("remote_post_id"), rs.getInt("attempts"), instant(rs, "first_sent_at"),
            instant(rs, "counted_at"), instant(rs, "posted_at"), rs.getString("last_error"));

    public SocialPostLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public Optional<Entry> find(String jobId, String destination, String platform) {
        return jdbc.query("select " + COLUMNS + " from social_posts where job_id = ? and destination = ?"
                + " and platform = ?", rows, jobId, destination, platform).stream().findFirst();
    }

    /** Whether a scheduler's post id is recorded as another job's post, so it must not be adopted. */
    public boolean ownedByAnother(String destination, String platform, String remotePostId, String jobId) {
        Integer count = jdbc.queryForObject("select count(*) from social_posts where destination = ? and platform = ?"
                + " and remote_post_id = ? and job_id <> ?", Integer.class, destination, platform, remotePostId, jobId);
        return count != null && count > 0;
    }

    /**
     * Takes the post's place in its platform's rate limit and records the intent to send it (state SENDING), in one
     * transaction holding the platform's lock. A post sent before (a retry) moves its own place to now instead of
     * taking a second one.
     *
     * @throws PostNotBeforeException if the limit is full, with the time a place frees
     */
    public void reserve(String jobId, String destination, String platform, String idempotencyKey, PostRate rate) {
        ensureLockRow(platform);
        transactions.executeWithoutResult(status -> {
            jdbc.queryForList("select platform from social_platform_locks where platform = ? for update",
                    String.class, platform);
            Instant now = clock.instant();
            if (!rate.windows().isEmpty()) {
                List<Instant> counted = jdbc.query("select counted_at from social_posts where platform = ?"
                                + " and counted_at > ? and state <> ? and not (job_id = ? and destination = ?)",
                        (rs, n) -> instant(rs, "counted_at"), platform, at(now.minus(rate.longest())),
                        State.FAILED.name(), jobId, destination);
                Optional<Instant> next = rate.nextAllowed(counted, now);
                if (next.isPresent()) {
                    throw new PostNotBeforeException(platform + " takes " + rate + " and that is used up;"
                            + " the next place frees at " + next.get(), next.get());
                }
            }
            int updated = jdbc.update("update social_posts set state = ?, counted_at = ?, attempts = attempts + 1"
                            + " where job_id = ? and destination = ? and platform = ? and state <> ?",
                    State.SENDING.name(), at(now), jobId, destination, platform, State.POSTED.name());
            if (updated == 0) {
                jdbc.update("insert into social_posts (job_id, destination, platform, state, idempotency_key,"
                                + " attempts, first_sent_at, counted_at) values (?, ?, ?, ?, ?, 1, ?, ?)", jobId,
                        destination, platform, State.SENDING.name(), idempotencyKey, at(now), at(now));
            }
        });
    }

    /** Records the scheduler's id: from now on the post is done. */
    public void posted(String jobId, String destination, String platform, String remotePostId) {
        jdbc.update("update social_posts set state = ?, remote_post_id = ?, posted_at = ?, last_error = null"
                        + " where job_id = ? and destination = ? and platform = ?", State.POSTED.name(), remotePostId,
                at(clock.instant()), jobId, destination, platform);
    }

    /** The scheduler refused the post: nothing exists, and it stops counting against the rate limit. */
    public void refused(String jobId, String destination, String platform, String error) {
        jdbc.update("update social_posts set state = ?, last_error = ? where job_id = ? and destination = ?"
                        + " and platform = ? and state = ?", State.FAILED.name(), truncate(error), jobId,
                destination, platform, State.SENDING.name());
    }

    /** The outcome is unknown: the row stays SENDING, so the next attempt looks for the post first. */
    public void unknown(String jobId, String destination, String platform, String error) {
        jdbc.update("update social_posts set last_error = ? where job_id = ? and destination = ? and platform = ?",
                truncate(error), jobId, destination, platform);
    }

    private void ensureLockRow(String platform) {
        if (lockRows.contains(platform)) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                if (jdbc.queryForList("select platform from social_platform_locks where platform = ?", String.class,
                        platform).isEmpty()) {
                    jdbc.update("insert into social_platform_locks (platform) values (?)", platform);
                }
            });
        } catch (DuplicateKeyException raced) {
            // another worker inserted it first: the row is there, which is all that matters
        }
        lockRows.add(platform);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
