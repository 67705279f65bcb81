package io.reelhub.api;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/briefs}: creative software hands the hub a brief (YAML or JSON) and gets the job back: 202 when
 * new, 200 when the content was already known or the Idempotency-Key was already answered, 422 with every problem
 * when invalid. The body is read here, not by a message converter, so its size limit holds before it is in memory.
 */
@RestController
@RequestMapping("/api/briefs")
class BriefsController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final BriefBodyReader reader;
    private final BriefSubmissions submissions;
    private final JobViews views;

    BriefsController(BriefBodyReader reader, BriefSubmissions submissions, JobViews views) {
        this.reader = reader;
        this.submissions = submissions;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<Object> post(HttpServletRequest request,
                                @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key)
            throws IOException {
        String checkedKey = IdempotencyKey.check(key);
        Submission submission = submissions.submit(reader.read(request), checkedKey);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(BriefSubmissions.status(submission));
        if (submission.replayed()) {
            answer.header(REPLAYED, "true");
        }
        if (submission.outcome() == Submission.Outcome.REJECTED) {
            return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(submission.problem());
        }
        URI job = URI.create("/api/jobs/" + submission.jobId());
        if (submission.outcome() == Submission.Outcome.ACCEPTED) {
            answer.location(job);
        } else {
            answer.header("Content-Location", job.toString());
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(views.full(submission.jobId())
                .orElseThrow(() -> ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Job missing",
                        "the brief was recorded as job " + submission.jobId() + " but that job is gone")));
    }
}
