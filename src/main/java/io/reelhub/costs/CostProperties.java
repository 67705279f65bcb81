package io.reelhub.costs;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spending caps beyond a brief's own {@code budget_usd}.
 *
 * @param dailyCapUsd the most one project may commit per UTC day, by catalog estimate; null for no cap
 * @param projects    per-project overrides of the daily cap
 */
@ConfigurationProperties(prefix = "reelhub.costs")
public record CostProperties(BigDecimal dailyCapUsd, Map<String, Project> projects) {

    public CostProperties {
        projects = projects == null ? Map.of() : Map.copyOf(projects);
    }

    public record Project(BigDecimal dailyCapUsd) {
    }

    BigDecimal dailyCapOf(String project) {
        Project override = projects.get(project);
        return override != null && override.dailyCapUsd() != null ? override.dailyCapUsd() : dailyCapUsd;
    }
}
