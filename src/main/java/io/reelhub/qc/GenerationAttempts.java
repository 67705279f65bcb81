package io.reelhub.qc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Every checked generation of every shot ({@code generation_attempts}). A row is written in the transaction that
 * moves the job on after the check, so a crash leaves either both or neither; the pair (job, attempt) is the key,
 * and a check repeated after a crash finds the same attempt number again.
 */
@Repository
public class GenerationAttempts {

    private final JdbcTemplate jdbc;

    public GenerationAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Attempt attempt) {
        jdbc.update("insert into generation_attempts (job_id, attempt, seed, submit_key, provider, provider_job_id,"
                        + " clip_path, cost_estimate_usd, passed, decision, report_json, checked_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                attempt.jobId(), attempt.attempt(), attempt.seed(), attempt.submitKey(), attempt.provider(),
                attempt.providerJobId(), attempt.clipPath(), attempt.costUsd(), attempt.passed(),
                attempt.decision().name(), attempt.reportJson(),
                OffsetDateTime.ofInstant(attempt.checkedAt(), ZoneOffset.UTC));
    }

    /** The job's attempts, first to last. */
    public List<Attempt> of(String jobId) {
        return jdbc.query("select job_id, attempt, seed, submit_key, provider, provider_job_id, clip_path,"
                + " cost_estimate_usd, passed, decision, report_json, checked_at from generation_attempts"
                + " where job_id = ? order by attempt", ROW, jobId);
    }

    /**
     * Provider renders of attempts that were generated again since {@code since}: they left their job's row when it
     * went back to the queue, yet belong to it, so reconciling an interrupted submit must never adopt one.
     */
    public Set<String> providerJobIdsOf(String provider, Instant since) {
        return new HashSet<>(jdbc.queryForList("select provider_job_id from generation_attempts where provider = ?"
                        + " and provider_job_id is not null and checked_at >= ?", String.class, provider,
                OffsetDateTime.ofInstant(since, ZoneOffset.UTC)));
    }

    /** How many generations of the job were checked so far. */
    public int count(String jobId) {
        Integer count = jdbc.queryForObject("select count(*) from generation_attempts where job_id = ?",
                Integer.class, jobId);
        return count == null ? 0 : count;
    }

    private static final RowMapper<Attempt> ROW = (rs, n) -> new Attempt(rs.getString("job_id"), rs.getInt("attempt"),
            nullableLong(rs, "seed"), rs.getString("submit_key"), rs.getString("provider"),
            rs.getString("provider_job_id"), rs.getString("clip_path"), rs.getBigDecimal("cost_estimate_usd"),
            rs.getBoolean("passed"), Attempt.Decision.valueOf(rs.getString("decision")), rs.getString("report_json"),
            rs.getObject("checked_at", OffsetDateTime.class).toInstant());

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
