package io.reelhub.costs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Spend per generation, estimated at intake and actual once billed, read from the job ledger. Only generations count
 * (parents and rejected briefs carry no spend of their own).
 */
@Repository
public class CostLedger {

    private final JdbcTemplate jdbc;

    public CostLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a project has committed on one UTC day: estimates of every generation not refused or cancelled. */
    public BigDecimal committedOn(String project, LocalDate day) {
        BigDecimal sum = jdbc.queryForObject("select coalesce(sum(cost_estimate_usd), 0) from jobs where project = ?"
                        + " and spec_json is not null and state not in ('REJECTED', 'CANCELLED')"
                        + " and created_at >= ? and created_at < ?", BigDecimal.class, project, start(day),
                start(day.plusDays(1)));
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Spend per project between two UTC days, both included. */
    public List<ProjectSpend> between(LocalDate from, LocalDate to, String project) {
        String sql = "select project, count(*) as generations, coalesce(sum(cost_estimate_usd), 0) as estimated,"
                + " coalesce(sum(actual_cost_usd), 0) as actual from jobs where spec_json is not null"
                + " and state not in ('REJECTED', 'CANCELLED') and created_at >= ? and created_at < ?"
                + (project == null ? "" : " and project = ?") + " group by project order by project";
        Object[] args = project == null ? new Object[] {start(from), start(to.plusDays(1))}
                : new Object[] {start(from), start(to.plusDays(1)), project};
        return jdbc.query(sql, (rs, n) -> new ProjectSpend(rs.getString("project"), rs.getLong("generations"),
                rs.getBigDecimal("estimated"), rs.getBigDecimal("actual")), args);
    }

    /** What the generations of one version of a brief have committed: their estimates, not refused or cancelled. */
    public BigDecimal committedToBrief(String project, String briefId, int version) {
        BigDecimal sum = jdbc.queryForObject("select coalesce(sum(cost_estimate_usd), 0) from jobs where project = ?"
                        + " and brief_id = ? and version = ? and spec_json is not null"
                        + " and state not in ('REJECTED', 'CANCELLED')", BigDecimal.class, project, briefId, version);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /**
     * The provider finished rendering: the generation is billed at its list price. A shot generated again after a
     * failed quality check carries every paid attempt in its estimate, so the bill follows the estimate (setting it
     * again on a repeated poll changes nothing).
     */
    public void billed(String jobId) {
        jdbc.update("update jobs set actual_cost_usd = cost_estimate_usd where id = ?", jobId);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** Spend of one project over a period. */
    public record ProjectSpend(String project, long generations, BigDecimal estimatedUsd, BigDecimal actualUsd) {
    }
}
