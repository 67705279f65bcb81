package io.reelhub.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency-Keys of {@code POST /api/briefs} in the database, so a client retrying after a timeout or a hub
 * restart gets the first answer again. A key is claimed in the same transaction as the intake it guards: a second
 * request with the same key waits for the first to commit and then finds the key taken.
 */
@Repository
class IdempotencyRecords {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;

    IdempotencyRecords(JdbcTemplate jdbc, Clock clock,
                       @Value("${reelhub.api.idempotency-ttl:24h}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The unexpired record of a key. */
    Optional<IdempotencyRecord> find(String key) {
        return jdbc.query("select idem_key, request_sha256, response_status, job_id, problem_json, created_at,"
                        + " expires_at from api_idempotency_keys where idem_key = ? and expires_at > ?",
                (rs, n) -> new IdempotencyRecord(rs.getString("idem_key"), rs.getString("request_sha256"),
                        rs.getInt("response_status"), rs.getString("job_id"), rs.getString("problem_json"),
                        instant(rs, "created_at"), instant(rs, "expires_at")),
                key, now()).stream().findFirst();
    }

    /**
     * Takes a key for a request (a record of it that expired is replaced).
     *
     * @throws org.springframework.dao.DuplicateKeyException when another request holds the key
     */
    void claim(String key, String requestSha256) {
        OffsetDateTime now = now();
        jdbc.update("delete from api_idempotency_keys where idem_key = ? and expires_at <= ?", key, now);
        jdbc.update("insert into api_idempotency_keys (idem_key, request_sha256, response_status, created_at,"
                + " expires_at) values (?, ?, 0, ?, ?)", key, requestSha256, now, now.plus(ttl));
    }

    /** Records the answer given under a claimed key. */
    void answer(String key, int status, String jobId, String problemJson) {
        jdbc.update("update api_idempotency_keys set response_status = ?, job_id = ?, problem_json = ?"
                + " where idem_key = ?", status, jobId, problemJson, key);
    }

    /** Forgets expired keys; the hub calls this now and then. */
    int purgeExpired() {
        return jdbc.update("delete from api_idempotency_keys where expires_at <= ?", now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
