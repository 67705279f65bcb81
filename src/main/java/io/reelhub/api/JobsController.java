package io.reelhub.api;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.reelhub.delivery.ParkedDeliveries;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobQuery;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.JobTransition;

/**
 * {@code GET /api/jobs} and {@code GET /api/jobs/{id}}: state, progress, cost, outputs, deliveries and the audit
 * trail; {@code POST /api/jobs/{id}/retry}: re-queue a parked job's parked deliveries.
 */
@RestController
@RequestMapping("/api/jobs")
class JobsController {

    private final JobStore store;
    private final JobViews views;
    private final ParkedDeliveries parked;

    JobsController(JobStore store, JobViews views, ParkedDeliveries parked) {
        this.store = store;
        this.views = views;
        this.parked = parked;
    }

    @GetMapping
    List<JobView> list(@RequestParam(required = false) String project,
                       @RequestParam(required = false) String state,
                       @RequestParam(required = false) String stage,
                       @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadQuery("limit", "limit must be between 1 and 1000, got " + limit);
        }
        return store.list(new JobQuery(project, parseState(state), stage, limit)).stream()
                .map(views::summary).toList();
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable String id) {
        return views.full(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no job with id '" + id + "'"));
    }

    /**
     * 202 with the job once its parked deliveries are queued again; 409 when it is not parked, so a client that
     * retries twice, or retries a job that is still working, learns why nothing happened.
     */
    @PostMapping("/{id}/retry")
    ResponseEntity<JobView> retry(@PathVariable String id) {
        try {
            Job job = parked.retry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no job with id '" + id + "'"));
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(views.full(job));
        } catch (ParkedDeliveries.NotParkedException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Job is not parked");
            problem.setProperty("state", e.job().state().name());
            throw new org.springframework.web.ErrorResponseException(HttpStatus.CONFLICT, problem, e);
        }
    }

    private static JobState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return JobState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadQuery("state", "unknown state '" + state + "'; allowed: "
                    + String.join(", ", java.util.Arrays.stream(JobState.values()).map(Enum::name).toList()));
        }
    }

    /** A query parameter that names the field it is about in the problem+json answer. */
    static final class BadQuery extends org.springframework.web.ErrorResponseException {
        BadQuery(String field, String message) {
            super(HttpStatus.BAD_REQUEST, problem(field, message), null);
        }

        private static ProblemDetail problem(String field, String message) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
            problem.setTitle("Invalid query parameter");
            problem.setProperty("errors", List.of(java.util.Map.of("path", field, "message", message)));
            return problem;
        }
    }
}
