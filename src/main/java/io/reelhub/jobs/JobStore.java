package io.reelhub.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable job ledger. Every state change is a conditional update on the expected state plus a history row, in
 * one transaction, so a crash leaves each job in exactly one recorded state and the pump resumes from there.
 */
@Repository
public class JobStore {

    private static final String COLUMNS = "id, parent_id, project, brief_id, version, shot_id, stage, title, source,"
            + " state, model, provider, spec_json, brief_json, warnings_json, submit_key, submit_attempts,"
            + " submit_intent_at, provider_job_id, progress, cost_estimate_usd, step_attempts, next_action_at,"
            + " last_error, clip_path, probe_json, outputs_json, created_at, updated_at, rendered_at,"
            + " provider_state_json, provider_note";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** @param events receives a {@link JobEnded} inside the transaction of every move to a terminal state */
    @Autowired
    public JobStore(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** A ledger nobody listens to (store tests without a Spring context). */
    public JobStore(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, event -> { });
    }

    private static final int MAX_VERSION_RACES = 32;

    /**
     * Records a brief's content. The same bytes for the same brief are a duplicate; other bytes become the next
     * version. The unique constraints make this safe against a concurrent second node.
     */
    @Transactional
    public BriefVersion registerBriefVersion(String project, String briefId, String sha256, String source) {
        for (int attempt = 0; ; attempt++) {
            List<Integer> existing = jdbc.queryForList(
                    "select version from brief_versions where project = ? and brief_id = ? and content_sha256 = ?",
                    Integer.class, project, briefId, sha256);
            if (!existing.isEmpty()) {
                return new BriefVersion(existing.get(0), true);
            }
            Integer max = jdbc.queryForObject(
                    "select max(version) from brief_versions where project = ? and brief_id = ?",
                    Integer.class, project, briefId);
            int next = max == null ? 1 : max + 1;
            if (insertVersion(project, briefId, next, sha256, source)) {
                return new BriefVersion(next, false);
            }
            // each lost race means another edition was recorded; only a flood of editions gets this far
            if (attempt >= MAX_VERSION_RACES) {
                throw new IllegalStateException("brief " + project + "/" + briefId + " kept changing while its"
                        + " version " + next + " was being recorded");
            }
        }
    }

    /**
     * Inserts one version row; false when another intake took that version first. Inside a transaction the insert
     * runs under a savepoint, because PostgreSQL refuses every further statement of a transaction in which one
     * failed until it is rolled back to a savepoint.
     */
    private boolean insertVersion(String project, String briefId, int version, String sha256, String source) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                jdbc.update("insert into brief_versions (project, brief_id, version, content_sha256, source,"
                        + " received_at) values (?, ?, ?, ?, ?, ?)", project, briefId, version, sha256, source, now());
                return true;
            } catch (DuplicateKeyException raced) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
        }));
    }

    /** Creates a job that passed validation, walking it RECEIVED → VALIDATED → QUEUED in its history. */
    @Transactional
    public void createQueued(NewJob job, String receivedReason) {
        insert(job, JobState.QUEUED);
        history(job.id(), null, JobState.RECEIVED, receivedReason);
        history(job.id(), JobState.RECEIVED, JobState.VALIDATED, "brief is valid");
        history(job.id(), JobState.VALIDATED, JobState.QUEUED, "waiting for a provider slot");
    }

    /** Records a brief that failed validation, so that the API shows it beside the accepted ones. */
    @Transactional
    public void createRejected(NewJob job, String receivedReason, String errors) {
        insert(job, JobState.REJECTED);
        jdbc.update("update jobs set last_error = ? where id = ?", truncate(errors, 4000), job.id());
        history(job.id(), null, JobState.RECEIVED, receivedReason);
        history(job.id(), JobState.RECEIVED, JobState.REJECTED, truncate(errors, 4000));
    }

    private void insert(NewJob job, JobState state) {
        OffsetDateTime now = now();
        jdbc.update("insert into jobs (id, parent_id, project, brief_id, version, shot_id, stage, title, source,"
                        + " state, model, spec_json, brief_json, warnings_json, cost_estimate_usd, next_action_at,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), job.parentId(), job.project(), job.briefId(), job.version(), job.shotId(), job.stage(),
                job.title(), job.source(), state.name(), job.model(), job.specJson(), job.briefJson(),
                job.warningsJson(), job.costEstimateUsd(), job.specJson() == null ? null : now, now, now);
    }

    public Optional<Job> find(String id) {
        return jdbc.query("select " + COLUMNS + " from jobs where id = ?", JOB, id).stream().findFirst();
    }

    public List<Job> children(String parentId) {
        return jdbc.query("select " + COLUMNS + " from jobs where parent_id = ? order by shot_id, id", JOB, parentId);
    }

    public List<Job> list(JobQuery query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from jobs where parent_id is null");
        List<Object> args = new ArrayList<>();
        if (query.project() != null) {
            sql.append(" and project = ?");
            args.add(query.project());
        }
        if (query.state() != null) {
            sql.append(" and state = ?");
            args.add(query.state().name());
        }
        if (query.stage() != null) {
            sql.append(" and stage = ?");
            args.add(query.stage());
        }
        sql.append(" order by created_at desc, id limit ?");
        args.add(query.limit());
        return jdbc.query(sql.toString(), JOB, args.toArray());
    }

    public List<Job> forBrief(String project, String briefId, int version) {
        return jdbc.query("select " + COLUMNS + " from jobs where project = ? and brief_id = ? and version = ?"
                + " order by created_at, id", JOB, project, briefId, version);
    }

    public List<JobTransition> history(String jobId) {
        return jdbc.query("select at, from_state, to_state, reason from job_history where job_id = ? order by seq",
                (rs, n) -> new JobTransition(instant(rs, "at"),
                        rs.getString("from_state") == null ? null : JobState.valueOf(rs.getString("from_state")),
                        JobState.valueOf(rs.getString("to_state")), rs.getString("reason")),
                jobId);
    }

    /**
     * Leases up to {@code limit} generation jobs whose next step is due. A lease that a crashed worker left behind
     * expires by itself; {@link #releaseLeasesOf(String)} frees this node's own at start-up.
     */
    @Transactional
    public List<Job> claimDue(String owner, Duration leaseFor, int limit) {
        return claimDue(owner, leaseFor, limit, JobState.ACTIVE);
    }

    /** As {@link #claimDue(String, Duration, int)}, for jobs in some of the active states only (a worker lane). */
    @Transactional
    public List<Job> claimDue(String owner, Duration leaseFor, int limit, java.util.Set<JobState> inStates) {
        if (limit <= 0 || inStates.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        String states = inStates.stream().filter(JobState.ACTIVE::contains).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(","));
        List<String> ids = jdbc.queryForList("select id from jobs where state in (" + states + ")"
                + " and spec_json is not null and (next_action_at is null or next_action_at <= ?)"
                + " and (lease_until is null or lease_until < ?) order by next_action_at, created_at, id limit ?",
                String.class, now, now, limit);
        List<Job> claimed = new ArrayList<>();
        for (String id : ids) {
            int won = jdbc.update("update jobs set lease_owner = ?, lease_until = ? where id = ?"
                    + " and (lease_until is null or lease_until < ?)", owner, now.plus(leaseFor), id, now);
            if (won == 1) {
                find(id).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    /** Provider job ids already owned by a hub job, so that reconciliation never adopts another job's render. */
    public java.util.Set<String> providerJobIdsOf(String provider, Instant since) {
        return new java.util.HashSet<>(jdbc.queryForList("select provider_job_id from jobs where provider = ?"
                + " and provider_job_id is not null and created_at >= ?", String.class, provider,
                OffsetDateTime.ofInstant(since, ZoneOffset.UTC)));
    }

    /** Generations of this provider and model that were submitted and have not finished rendering. */
    public int countAtProvider(String provider, String model) {
        Integer count = jdbc.queryForObject("select count(*) from jobs where provider = ? and model = ? and state in"
                + " ('SUBMITTED', 'RENDERING')", Integer.class, provider, model);
        return count == null ? 0 : count;
    }

    public int releaseLeasesOf(String owner) {
        return jdbc.update("update jobs set lease_owner = null, lease_until = null where lease_owner = ?", owner);
    }

    public void releaseLease(String id) {
        jdbc.update("update jobs set lease_owner = null, lease_until = null where id = ?", id);
    }

    /**
     * Moves a job from the state it is expected to be in to the next one, applying the given column changes. A move
     * to a terminal state publishes {@link JobEnded} before the transaction commits.
     *
     * @return false when the job was not in {@code from} any more (someone else moved it)
     */
    @Transactional
    public boolean transition(String id, JobState from, JobState to, String reason, JobChanges changes) {
        JobChanges all = changes.set("state", to.name()).set("updated_at", now());
        if (to != from) {
            all = all.set("step_attempts", 0);
        }
        List<Object> args = new ArrayList<>(all.values());
        args.add(id);
        args.add(from.name());
        int updated = jdbc.update("update jobs set " + all.assignments() + " where id = ? and state = ?",
                args.toArray());
        if (updated == 1 && to != from) {
            history(id, from, to, truncate(reason, 4000));
            if (to.isTerminal()) {
                events.publishEvent(new JobEnded(id, from, to, reason));
            }
        }
        return updated == 1;
    }

    /**
     * Puts a job back in the queue as a new submission (a fallback model after a confirmed failure), with a history
     * row even when it is already QUEUED (a submit the provider refused), so the audit trail shows every hand-over.
     *
     * @return false when the job was not in {@code from} any more
     */
    @Transactional
    public boolean requeue(String id, JobState from, String reason, JobChanges changes) {
        JobChanges all = changes.set("state", JobState.QUEUED.name()).set("step_attempts", 0)
                .set("updated_at", now());
        List<Object> args = new ArrayList<>(all.values());
        args.add(id);
        args.add(from.name());
        int updated = jdbc.update("update jobs set " + all.assignments() + " where id = ? and state = ?",
                args.toArray());
        if (updated == 1) {
            history(id, from, JobState.QUEUED, truncate(reason, 4000));
        }
        return updated == 1;
    }

    /** Keeps a job in its state but records the failed attempt and when to try again. */
    public void retryLater(String id, JobState state, Instant at, String error) {
        jdbc.update("update jobs set step_attempts = step_attempts + 1, next_action_at = ?, last_error = ?,"
                        + " updated_at = ? where id = ? and state = ?",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), truncate(error, 4000), now(), id, state.name());
    }

    /** Keeps a job in its state until {@code at}, noting why, without counting a failed step. */
    public void waitUntil(String id, JobState state, Instant at, String note) {
        jdbc.update("update jobs set next_action_at = ?, last_error = ?, updated_at = ? where id = ? and state = ?",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), truncate(note, 4000), now(), id, state.name());
    }

    /** Moves the step's due time without counting an attempt (polling a job that is still rendering). */
    public void updateProgress(String id, JobState state, int progress, Instant nextAt) {
        jdbc.update("update jobs set progress = ?, next_action_at = ?, updated_at = ? where id = ? and state = ?",
                progress, nextAt == null ? null : OffsetDateTime.ofInstant(nextAt, ZoneOffset.UTC), now(), id,
                state.name());
    }

    /**
     * Records a poll of a job that is still waiting or rendering: its progress, the provider's note for users (a
     * queue position; null clears it) and new protocol state to keep (null keeps the old).
     */
    public void updatePolled(String id, JobState state, int progress, Instant nextAt, String note,
                             String providerStateJson) {
        jdbc.update("update jobs set progress = ?, next_action_at = ?, provider_note = ?,"
                        + " provider_state_json = coalesce(?, provider_state_json), updated_at = ?"
                        + " where id = ? and state = ?",
                progress, nextAt == null ? null : OffsetDateTime.ofInstant(nextAt, ZoneOffset.UTC),
                truncate(note, 500), providerStateJson, now(), id, state.name());
    }

    /** Replaces a job's warnings (a JSON array of {@code {path, message}}), e.g. to add what a provider announced. */
    public void updateWarnings(String id, String warningsJson) {
        jdbc.update("update jobs set warnings_json = ?, updated_at = ? where id = ?", warningsJson, now(), id);
    }

    /** The money rule, step one: the intent to submit is durable before the provider is called. */
    public void recordSubmitIntent(String id, String provider, String submitKey) {
        jdbc.update("update jobs set provider = ?, submit_key = ?, submit_attempts = submit_attempts + 1,"
                + " submit_intent_at = coalesce(submit_intent_at, ?), updated_at = ? where id = ? and state = ?",
                provider, submitKey, now(), now(), id, JobState.QUEUED.name());
    }

    public List<Job> activeOrUnfinishedParents() {
        return jdbc.query("select " + COLUMNS + " from jobs where spec_json is null and state not in"
                + " ('DELIVERED','FAILED','REJECTED','CANCELLED')", JOB);
    }

    private void history(String jobId, JobState from, JobState to, String reason) {
        jdbc.update("insert into job_history (job_id, at, from_state, to_state, reason) values (?, ?, ?, ?, ?)",
                jobId, now(), from == null ? null : from.name(), to.name(), reason);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<Job> JOB = (rs, n) -> new Job(
            rs.getString("id"), rs.getString("parent_id"), rs.getString("project"), rs.getString("brief_id"),
            rs.getInt("version"), rs.getString("shot_id"), rs.getString("stage"), rs.getString("title"),
            rs.getString("source"), JobState.valueOf(rs.getString("state")), rs.getString("model"),
            rs.getString("provider"), rs.getString("spec_json"), rs.getString("brief_json"),
            rs.getString("warnings_json"), rs.getString("submit_key"), rs.getInt("submit_attempts"),
            instant(rs, "submit_intent_at"), rs.getString("provider_job_id"), rs.getInt("progress"),
            rs.getBigDecimal("cost_estimate_usd"), rs.getInt("step_attempts"), instant(rs, "next_action_at"),
            rs.getString("last_error"), rs.getString("clip_path"), rs.getString("probe_json"),
            rs.getString("outputs_json"), instant(rs, "created_at"), instant(rs, "updated_at"),
            instant(rs, "rendered_at"), rs.getString("provider_state_json"), rs.getString("provider_note"));
}
