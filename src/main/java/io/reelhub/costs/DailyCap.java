package io.reelhub.costs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.reelhub.brief.Problem;

/** Refuses a brief that would take its project past the day's cap, saying the estimate and what is left. */
@Component
public class DailyCap {

    private final CostProperties properties;
    private final CostLedger ledger;
    private final Clock clock;

    public DailyCap(CostProperties properties, CostLedger ledger, Clock clock) {
        this.properties = properties;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Optional<Problem> check(String project, BigDecimal estimate) {
        return check(project, estimate, BigDecimal.ZERO);
    }

    /**
     * As {@link #check(String, BigDecimal)} for a generation that takes the place of one already counted today (a
     * fallback model after the first one failed, uncharged): {@code released} is the estimate it replaces.
     */
    public Optional<Problem> check(String project, BigDecimal estimate, BigDecimal released) {
        BigDecimal cap = properties.dailyCapOf(project);
        if (cap == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        BigDecimal remaining = cap.subtract(ledger.committedOn(project, today).subtract(released)).max(BigDecimal.ZERO)
                .setScale(2, java.math.RoundingMode.HALF_UP);
        if (estimate.compareTo(remaining) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Problem("project", "the estimate of " + estimate + " USD is more than the "
                + remaining + " USD left of project " + project + "'s daily cap of " + cap + " USD for " + today));
    }
}
