package io.reelhub.batch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The batch ledger: the unique (batch, business date) key is what makes a night run at most once. */
@Repository
class BatchStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BatchStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the schedule was first armed; armed now when it never was. */
    Instant armedAt(String batch) {
        List<OffsetDateTime> armed = jdbc.queryForList(
                "select armed_at from batch_schedule where batch_name = ?", OffsetDateTime.class, batch);
        if (!armed.isEmpty()) {
            return armed.get(0).toInstant();
        }
        try {
            jdbc.update("insert into batch_schedule (batch_name, armed_at) values (?, ?)", batch, now());
        } catch (DuplicateKeyException raced) {
            // another node armed it first: use theirs
        }
        return armedAt(batch);
    }

    /** Starts the night's run; false when it has already run (here or on another node). */
    boolean tryStart(String batch, LocalDate date, BigDecimal budget) {
        try {
            jdbc.update("insert into batch_runs (batch_name, business_date, state, budget_usd, committed_usd,"
                    + " started_at) values (?, ?, ?, ?, 0, ?)", batch, date, BatchRun.RUNNING, budget, now());
            return true;
        } catch (DuplicateKeyException alreadyRan) {
            return false;
        }
    }

    List<BatchRun> running(String batch) {
        return jdbc.query("select * from batch_runs where batch_name = ? and state = ? order by business_date",
                RUN, batch, BatchRun.RUNNING);
    }

    Optional<BatchRun> run(String batch, LocalDate date) {
        return jdbc.query("select * from batch_runs where batch_name = ? and business_date = ?", RUN, batch, date)
                .stream().findFirst();
    }

    void addItem(BatchRun run, String fileName) {
        jdbc.update("insert into batch_items (batch_name, business_date, file_name, status) values (?, ?, ?, ?)",
                run.batchName(), run.businessDate(), fileName, BatchItem.Status.PENDING.name());
    }

    List<BatchItem> items(BatchRun run) {
        return jdbc.query("select * from batch_items where batch_name = ? and business_date = ? order by file_name",
                ITEM, run.batchName(), run.businessDate());
    }

    void settle(BatchRun run, String fileName, BatchItem.Status status, String jobId, BigDecimal estimate,
                String reason) {
        jdbc.update("update batch_items set status = ?, job_id = ?, estimate_usd = ?, reason = ? where batch_name = ?"
                        + " and business_date = ? and file_name = ?", status.name(), jobId, estimate,
                reason == null ? null : reason.substring(0, Math.min(reason.length(), 2000)), run.batchName(),
                run.businessDate(), fileName);
    }

    void commit(BatchRun run, BigDecimal estimate) {
        jdbc.update("update batch_runs set committed_usd = committed_usd + ? where batch_name = ? and business_date = ?",
                estimate, run.batchName(), run.businessDate());
    }

    void reported(BatchRun run, String folder) {
        jdbc.update("update batch_runs set state = ?, finished_at = ?, report_folder = ? where batch_name = ? and"
                + " business_date = ?", BatchRun.REPORTED, now(), folder, run.batchName(), run.businessDate());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<BatchRun> RUN = (rs, n) -> new BatchRun(rs.getString("batch_name"),
            rs.getObject("business_date", LocalDate.class), rs.getString("state"), rs.getBigDecimal("budget_usd"),
            rs.getBigDecimal("committed_usd"), instant(rs, "started_at"), instant(rs, "finished_at"),
            rs.getString("report_folder"));

    private static final RowMapper<BatchItem> ITEM = (rs, n) -> new BatchItem(rs.getString("file_name"),
            BatchItem.Status.valueOf(rs.getString("status")), rs.getString("job_id"), rs.getBigDecimal("estimate_usd"),
            rs.getString("reason"));
}
