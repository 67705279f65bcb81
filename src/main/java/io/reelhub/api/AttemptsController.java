package io.reelhub.api;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.jobs.JobStore;
import io.reelhub.qc.Attempt;
import io.reelhub.qc.GenerationAttempts;

/**
 * {@code GET /api/jobs/{id}/attempts}: every checked generation of a shot with its seed, its provider render, its
 * cost and its quality-check report, first to last. A shot generated again after a failed check shows each version
 * it paid for; an empty list means the clip has not been checked yet (or the job is a parent: ask its children).
 */
@RestController
@RequestMapping("/api/jobs")
class AttemptsController {

    private final JobStore store;
    private final GenerationAttempts attempts;
    private final ObjectMapper json;

    AttemptsController(JobStore store, GenerationAttempts attempts, ObjectMapper json) {
        this.store = store;
        this.attempts = attempts;
        this.json = json;
    }

    @GetMapping("/{id}/attempts")
    List<AttemptView> attempts(@PathVariable String id) {
        store.find(id).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "No such job",
                "no job with id '" + id + "'"));
        return attempts.of(id).stream().map(this::view).toList();
    }

    private AttemptView view(Attempt attempt) {
        try {
            return new AttemptView(attempt.attempt(), attempt.seed(), attempt.provider(), attempt.providerJobId(),
                    attempt.costUsd(), attempt.passed(), attempt.decision().name(),
                    json.readTree(attempt.reportJson()), attempt.checkedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attempt " + attempt.attempt() + " of job " + attempt.jobId()
                    + " keeps an unreadable report", e);
        }
    }
}
