package io.reelhub.costs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.reelhub.brief.Problem;

/**
 * Refuses spending that would take a brief past its own {@code budget_usd}, counting what its generations have
 * committed so far (every paid attempt included), saying the estimate and the total it would reach.
 */
@Component
public class BriefBudget {

    private final CostLedger ledger;

    public BriefBudget(CostLedger ledger) {
        this.ledger = ledger;
    }

    public Optional<Problem> check(String project, String briefId, int version, BigDecimal budgetUsd,
                                   BigDecimal estimate) {
        if (budgetUsd == null) {
            return Optional.empty();
        }
        BigDecimal total = ledger.committedToBrief(project, briefId, version).add(estimate);
        if (total.compareTo(budgetUsd) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Problem("budget_usd", "the estimate of " + usd(estimate) + " USD would bring brief "
                + briefId + " v" + version + " to " + usd(total) + " USD, over its budget of " + usd(budgetUsd)
                + " USD"));
    }

    private static String usd(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
