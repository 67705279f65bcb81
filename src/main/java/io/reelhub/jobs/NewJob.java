package io.reelhub.jobs;

import java.math.BigDecimal;

/** What intake knows about a job when it creates it. {@code specJson} is null for a parent. */
public record NewJob(
        String id,
        String parentId,
        String project,
        String briefId,
        int version,
        String shotId,
        String stage,
        String title,
        String source,
        String model,
        String specJson,
        String briefJson,
        String warningsJson,
        BigDecimal costEstimateUsd) {
}
