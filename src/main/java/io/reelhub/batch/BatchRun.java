package io.reelhub.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One night's run of one batch. */
record BatchRun(String batchName, LocalDate businessDate, String state, BigDecimal budgetUsd,
                BigDecimal committedUsd, Instant startedAt, Instant finishedAt, String reportFolder) {

    static final String RUNNING = "RUNNING";
    static final String REPORTED = "REPORTED";

    BigDecimal remainingUsd() {
        return budgetUsd.subtract(committedUsd);
    }
}
