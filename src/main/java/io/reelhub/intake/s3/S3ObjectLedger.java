package io.reelhub.intake.s3;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.reelhub.intake.IntakeOutcome;

/**
 * The S3 intake's memory of every object version it has seen, in the hub's database (table
 * {@code s3_intake_objects}). Camel's S3 consumer remembers nothing across polls or restarts; this is what makes a
 * re-listed object a no-op that only finishes its move, and what counts the attempts of an object that keeps
 * failing.
 *
 * <p>An object is worked on under a lease, like a job: two hub nodes listing the same bucket never handle the same
 * object at once, and a lease left by a crash expires by itself (or is taken over at once by the same node).
 */
class S3ObjectLedger {

    enum State {
        /** Seen, the brief intake has not answered yet. */
        NEW,
        /** The brief intake's answer is recorded; the object still has to move to {@link Entry#archiveKey}. */
        ARCHIVING,
        /** Given up after too many attempts; the object still has to move to failed/. */
        QUARANTINING,
        /** Moved to processed/ or failed/ after the intake's answer. */
        DONE,
        /** Moved to failed/ after too many attempts. */
        QUARANTINED
    }

    /**
     * @param attempts    handlings started for this object so far, this one included
     * @param outcome     the brief intake's answer, null before it was asked
     * @param archiveKey  where the object moves, chosen once so that a retried move goes to the same place
     */
    record Entry(long id, State state, int attempts, IntakeOutcome outcome, String archiveKey, String lastError) {
    }

    private static final String COLUMNS = "id, state, attempts, outcome_json, archive_key, last_error";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    S3ObjectLedger(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts one handling of {@code object}: records it if new, counts the attempt and leases it to {@code owner}.
     * An object that was already moved and shows up again (its delete failed, or the same bytes were uploaded again)
     * starts a new round of attempts: towards the place it was moved to before if it was processed, from the
     * beginning (keeping the intake's answer, if there was one) if it had been set aside.
     *
     * @return the entry, or empty when another node holds the object's lease
     */
    Optional<Entry> claim(S3ObjectRef object, long size, String owner, Duration lease) {
        if (takeLease(object, owner, lease)) {
            return find(object);
        }
        if (find(object).isPresent()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        try {
            jdbc.update("insert into s3_intake_objects (bucket, object_key, etag, size_bytes, state, attempts,"
                            + " first_seen_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)", object.bucket(),
                    object.key(), object.etag(), size, State.NEW.name(), now, now);
        } catch (DuplicateKeyException raced) {
            // another node recorded it first: whoever takes the lease below handles it
        }
        return takeLease(object, owner, lease) ? find(object) : Optional.empty();
    }

    private boolean takeLease(S3ObjectRef object, String owner, Duration lease) {
        OffsetDateTime now = now();
        // A moved object that is back starts a fresh round: one that was processed only moves again; one that was
        // set aside is tried again (someone uploaded it again, perhaps after fixing the cause), towards a new name.
        return jdbc.update("update s3_intake_objects set"
                        + " attempts = case when state in ('DONE', 'QUARANTINED') then 1 else attempts + 1 end,"
                        + " state = case when state = 'DONE' then 'ARCHIVING'"
                        + " when state = 'QUARANTINED' and outcome is null then 'NEW'"
                        + " when state = 'QUARANTINED' then 'ARCHIVING' else state end,"
                        + " archive_key = case when state = 'QUARANTINED' then null else archive_key end,"
                        + " lease_owner = ?, lease_until = ?, updated_at = ?"
                        + " where bucket = ? and object_key = ? and etag = ?"
                        + " and (lease_until is null or lease_until < ? or lease_owner = ?)",
                owner, now.plus(lease), now, object.bucket(), object.key(), object.etag(), now, owner) == 1;
    }

    Optional<Entry> find(S3ObjectRef object) {
        List<Entry> found = jdbc.query("select " + COLUMNS + " from s3_intake_objects"
                        + " where bucket = ? and object_key = ? and etag = ?", (rs, row) -> new Entry(
                        rs.getLong("id"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                        outcome(rs.getString("outcome_json")), rs.getString("archive_key"),
                        rs.getString("last_error")),
                object.bucket(), object.key(), object.etag());
        return found.stream().findFirst();
    }

    /** The brief intake answered; the object moves next. Joins the intake's transaction when called in one. */
    void recordOutcome(long id, IntakeOutcome outcome) {
        update(id, "state = ?, outcome = ?, job_id = ?, outcome_json = ?", State.ARCHIVING.name(),
                outcome.status().name(), outcome.jobId(), write(outcome));
    }

    /** Where the object goes; recorded before anything is written there, so every retry goes to the same place. */
    void recordArchiveKey(long id, String archiveKey) {
        update(id, "archive_key = ?", archiveKey);
    }

    /** Given up on: the object moves to {@code archiveKey} in failed/ next. */
    void recordQuarantining(long id, String archiveKey, String reason) {
        update(id, "state = ?, archive_key = ?, last_error = ?", State.QUARANTINING.name(), archiveKey,
                truncate(reason));
    }

    /** The move is complete; the lease is released. */
    void recordMoved(long id, State finalState) {
        if (finalState != State.DONE && finalState != State.QUARANTINED) {
            throw new IllegalArgumentException("a moved object is DONE or QUARANTINED, not " + finalState);
        }
        update(id, "state = ?, lease_owner = null, lease_until = null", finalState.name());
    }

    /** This attempt failed; the object stays where it is for the next poll, which counts another attempt. */
    void recordFailure(long id, String error) {
        update(id, "last_error = ?, lease_owner = null, lease_until = null", truncate(error));
    }

    private void update(long id, String assignments, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = now();
        args[values.length + 1] = id;
        int changed = jdbc.update("update s3_intake_objects set " + assignments + ", updated_at = ? where id = ?",
                args);
        if (changed != 1) {
            throw new IllegalStateException("s3_intake_objects row " + id + " is gone");
        }
    }

    private String write(IntakeOutcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an intake outcome of plain values always serialises", e);
        }
    }

    private IntakeOutcome outcome(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, IntakeOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("s3_intake_objects.outcome_json is not an intake outcome: " + stored, e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
