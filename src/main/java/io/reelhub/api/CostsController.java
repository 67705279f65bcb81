package io.reelhub.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.costs.CostLedger;
import io.reelhub.costs.CostLedger.ProjectSpend;

/** {@code GET /api/costs?from=&to=&project=}: estimated and billed spend per project over UTC days (inclusive). */
@RestController
class CostsController {

    private final CostLedger ledger;
    private final Clock clock;

    CostsController(CostLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/api/costs")
    Costs costs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String project) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = day("from", from, today);
        LocalDate end = day("to", to, today);
        if (end.isBefore(start)) {
            throw new JobsController.BadQuery("to", "to (" + end + ") is before from (" + start + ")");
        }
        List<ProjectSpend> projects = ledger.between(start, end, project);
        return new Costs(start, end, projects,
                projects.stream().map(ProjectSpend::estimatedUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                projects.stream().map(ProjectSpend::actualUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static LocalDate day(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new JobsController.BadQuery(field, field + " must be a date like 2026-11-25, got '" + value + "'");
        }
    }

    record Costs(LocalDate from, LocalDate to, List<ProjectSpend> projects, BigDecimal estimatedUsd,
                 BigDecimal actualUsd) {
    }
}
