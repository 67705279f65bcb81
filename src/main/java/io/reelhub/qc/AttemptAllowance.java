package io.reelhub.qc;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.brief.Problem;
import io.reelhub.costs.BriefBudget;
import io.reelhub.costs.DailyCap;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;

/**
 * Whether a shot that failed its quality check may be generated once more: attempts are left
 * ({@code reelhub.qc.max-attempts}), and the estimate of one more generation fits both the brief's own
 * {@code budget_usd} (with every attempt so far counted) and the project's daily cap (the same check intake uses).
 */
@Component
public class AttemptAllowance {

    private final QcProperties properties;
    private final BriefBudget briefBudget;
    private final DailyCap dailyCap;
    private final JobStore jobs;
    private final ObjectMapper json;

    public AttemptAllowance(QcProperties properties, BriefBudget briefBudget, DailyCap dailyCap, JobStore jobs,
                            ObjectMapper json) {
        this.properties = properties;
        this.briefBudget = briefBudget;
        this.dailyCap = dailyCap;
        this.jobs = jobs;
        this.json = json;
    }

    /**
     * @param attemptsSoFar generations of the shot already checked, the failed one included
     * @return why no further attempt is made, or empty when one may be
     */
    public Optional<String> refusal(Job job, GenerationSpec spec, int attemptsSoFar) {
        if (attemptsSoFar >= properties.maxAttempts()) {
            return Optional.of("all " + properties.maxAttempts() + " attempts used (reelhub.qc.max-attempts)");
        }
        BigDecimal estimate = spec.estimatedCostUsd();
        Optional<Problem> overBudget = briefBudget.check(job.project(), job.briefId(), job.version(), budgetOf(job),
                estimate);
        if (overBudget.isPresent()) {
            return Optional.of("no budget for another attempt: " + overBudget.get().message());
        }
        return dailyCap.check(job.project(), estimate)
                .map(problem -> "no budget for another attempt: " + problem.message());
    }

    /** The brief's {@code budget_usd}, kept with the job or, for a brief of several generations, its parent. */
    private BigDecimal budgetOf(Job job) {
        String briefJson = job.briefJson();
        if (briefJson == null && job.parentId() != null) {
            briefJson = jobs.find(job.parentId()).map(Job::briefJson).orElse(null);
        }
        if (briefJson == null) {
            return null;
        }
        try {
            JsonNode budget = json.readTree(briefJson).path("budget_usd");
            return budget.isNumber() ? budget.decimalValue() : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id() + " keeps an unreadable brief", e);
        }
    }
}
