package io.reelhub.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.review.NoSuchJobException;
import io.reelhub.review.NotAwaitingReviewException;
import io.reelhub.review.ReviewDecision;
import io.reelhub.review.ReviewGate;

/**
 * {@code POST /api/jobs/{id}/approve} and {@code /reject}: a reviewer's decision about a job waiting in
 * AWAITING_REVIEW, the same decision as moving its folder into {@code review/approved/} or {@code review/rejected/}.
 * 409 when the job is not waiting, so a second click or a decision racing a folder move says what happened.
 */
@RestController
@RequestMapping("/api/jobs")
class ReviewController {

    private final ReviewGate gate;
    private final JobViews views;

    ReviewController(ReviewGate gate, JobViews views) {
        this.gate = gate;
        this.views = views;
    }

    @PostMapping("/{id}/approve")
    JobView approve(@PathVariable String id, @RequestBody(required = false) ReviewDecision decision) {
        try {
            return views.full(gate.approve(id, decision == null ? ReviewDecision.NONE : decision));
        } catch (NoSuchJobException e) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "No such job", e.getMessage());
        } catch (NotAwaitingReviewException e) {
            throw notWaiting(e);
        }
    }

    @PostMapping("/{id}/reject")
    JobView reject(@PathVariable String id, @RequestBody(required = false) ReviewDecision decision) {
        try {
            return views.full(gate.reject(id, decision == null ? ReviewDecision.NONE : decision));
        } catch (NoSuchJobException e) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "No such job", e.getMessage());
        } catch (NotAwaitingReviewException e) {
            throw notWaiting(e);
        }
    }

    private static ApiProblem notWaiting(NotAwaitingReviewException e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "Job is not awaiting review", e.getMessage())
                .with("state", e.job().state().name());
    }
}
