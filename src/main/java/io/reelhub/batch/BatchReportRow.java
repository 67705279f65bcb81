package io.reelhub.batch;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the morning report. */
record BatchReportRow(String file, String status, String jobId, String state, String model, BigDecimal estimateUsd,
                      Instant queuedAt, Instant finishedAt, Long durationSeconds, String clip, String thumbnail,
                      String reason) {
}
