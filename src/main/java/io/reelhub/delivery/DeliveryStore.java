package io.reelhub.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries table: one row per job and destination. Every change is conditional on the state it expects, so
 * a delivery recorded as DELIVERED is never re-sent, and a retry re-queues only what is PARKED.
 */
@Repository
public class DeliveryStore {

    private static final String COLUMNS = "job_id, destination, position, state, attempts, next_attempt_at,"
            + " last_error, outputs_json, created_at, updated_at, delivered_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final RowMapper<DestinationDelivery> rows;

    public DeliveryStore(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.rows = (rs, n) -> new DestinationDelivery(rs.getString("job_id"), rs.getString("destination"),
                rs.getInt("position"), DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), outputs(rs.getString("outputs_json")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "delivered_at"));
    }

    /**
     * Records the destinations a job delivers to, once: destinations already recorded keep their state, so a
     * repeated step (after a crash) never re-queues a delivery that is done.
     */
    @Transactional
    public void plan(String jobId, List<String> destinations) {
        Set<String> known = forJob(jobId).stream().map(DestinationDelivery::destination).collect(Collectors.toSet());
        for (int i = 0; i < destinations.size(); i++) {
            String destination = destinations.get(i);
            if (known.contains(destination)) {
                continue;
            }
            try {
                jdbc.update("insert into deliveries (job_id, destination, position, state, attempts, created_at,"
                        + " updated_at) values (?, ?, ?, ?, 0, ?, ?)", jobId, destination, i,
                        DeliveryState.PENDING.name(), now(), now());
            } catch (DuplicateKeyException raced) {
                // another worker recorded it first: same row, nothing to do
            }
        }
    }

    public List<DestinationDelivery> forJob(String jobId) {
        return jdbc.query("select " + COLUMNS + " from deliveries where job_id = ? order by position, destination",
                rows, jobId);
    }

    public boolean markDelivered(String jobId, String destination, List<String> outputs) {
        return jdbc.update("update deliveries set state = ?, outputs_json = ?, last_error = null,"
                        + " next_attempt_at = null, delivered_at = ?, updated_at = ? where job_id = ?"
                        + " and destination = ? and state = ?", DeliveryState.DELIVERED.name(), write(outputs), now(),
                now(), jobId, destination, DeliveryState.PENDING.name()) == 1;
    }

    /** Counts a failed attempt and sets when to try again. */
    public void retryLater(String jobId, String destination, Instant at, String error) {
        jdbc.update("update deliveries set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " updated_at = ? where job_id = ? and destination = ? and state = ?",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), truncate(error), now(), jobId, destination,
                DeliveryState.PENDING.name());
    }

    /**
     * Sets when a delivery the destination cannot take yet is tried again, without counting an attempt: waiting for
     * a rate limit's window or a remote's {@code Retry-After} never brings a delivery closer to being parked.
     */
    public void deferUntil(String jobId, String destination, Instant at, String reason) {
        jdbc.update("update deliveries set next_attempt_at = ?, last_error = ?, updated_at = ? where job_id = ?"
                        + " and destination = ? and state = ?", OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                truncate(reason), now(), jobId, destination, DeliveryState.PENDING.name());
    }

    /** Counts the last failed attempt and parks the delivery with its reason. */
    public void park(String jobId, String destination, String reason) {
        jdbc.update("update deliveries set state = ?, attempts = attempts + 1, next_attempt_at = null,"
                        + " last_error = ?, updated_at = ? where job_id = ? and destination = ? and state = ?",
                DeliveryState.PARKED.name(), truncate(reason), now(), jobId, destination,
                DeliveryState.PENDING.name());
    }

    /**
     * Puts a job's parked deliveries back in the queue with a fresh count of attempts; delivered ones are left
     * alone. The last error stays visible until the next attempt replaces or clears it.
     *
     * @return the destinations re-queued
     */
    @Transactional
    public List<String> requeueParked(String jobId) {
        List<String> parked = new ArrayList<>();
        for (DestinationDelivery delivery : forJob(jobId)) {
            if (delivery.state() == DeliveryState.PARKED && jdbc.update("update deliveries set state = ?,"
                            + " attempts = 0, next_attempt_at = null, updated_at = ? where job_id = ?"
                            + " and destination = ? and state = ?", DeliveryState.PENDING.name(), now(), jobId,
                    delivery.destination(), DeliveryState.PARKED.name()) == 1) {
                parked.add(delivery.destination());
            }
        }
        return parked;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String write(List<String> outputs) {
        try {
            return json.writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> outputs(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
