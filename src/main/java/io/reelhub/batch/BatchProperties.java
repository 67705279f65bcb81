package io.reelhub.batch;

import java.math.BigDecimal;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The nightly batch.
 *
 * @param name          the batch's name in the ledger and in report names
 * @param cron          Quartz cron (with seconds) of the nightly run
 * @param timeZone      the zone of the cron and of business dates
 * @param budgetUsd     the most one run may commit, by catalog estimate; the brief that would pass it and every
 *                      brief after it are skipped and reported
 * @param maxConcurrent how many of a run's generations may be in flight at once
 * @param reportWebhook where the morning report's JSON is POSTed; empty for none
 */
@ConfigurationProperties(prefix = "reelhub.batch")
public record BatchProperties(String name, String cron, ZoneId timeZone, BigDecimal budgetUsd, Integer maxConcurrent,
                              String reportWebhook) {

    public BatchProperties {
        name = name == null || name.isBlank() ? "nightly" : name;
        cron = cron == null || cron.isBlank() ? "0 0 2 * * ?" : cron;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        budgetUsd = budgetUsd == null ? new BigDecimal("50.00") : budgetUsd;
        maxConcurrent = maxConcurrent == null || maxConcurrent < 1 ? 4 : maxConcurrent;
        reportWebhook = reportWebhook == null ? "" : reportWebhook.trim();
    }
}
