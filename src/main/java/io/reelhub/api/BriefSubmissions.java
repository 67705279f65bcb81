package io.reelhub.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;

/**
 * A posted brief through the hub's one door ({@link BriefIntake}), with Stripe-style Idempotency-Keys: the key,
 * the intake and the answer are one transaction, so a key never points at a brief that was not recorded, and the
 * same key with the same body always gets the first answer, even after a restart.
 */
@Service
class BriefSubmissions {

    private final BriefIntake intake;
    private final IdempotencyRecords keys;
    private final RejectedBriefs rejected;
    private final ObjectMapper json;

    BriefSubmissions(BriefIntake intake, IdempotencyRecords keys, RejectedBriefs rejected, ObjectMapper json) {
        this.intake = intake;
        this.keys = keys;
        this.rejected = rejected;
        this.json = json;
    }

    /** @param key the request's Idempotency-Key, or null */
    @Transactional
    public Submission submit(BriefBody body, String key) {
        if (key != null) {
            Optional<IdempotencyRecord> first = keys.find(key);
            if (first.isPresent()) {
                return replay(first.get(), body);
            }
            claim(key, body);
        }
        String source = "api:" + (key != null ? key : "req-" + UUID.randomUUID());
        IntakeOutcome outcome = intake.accept(body.content(), body.fileName(), source);
        Submission answer = switch (outcome.status()) {
            case ACCEPTED -> new Submission(Submission.Outcome.ACCEPTED, outcome.jobId(), null, false);
            case DUPLICATE -> new Submission(Submission.Outcome.EXISTING, outcome.jobId(), null, false);
            case REJECTED -> new Submission(Submission.Outcome.REJECTED, outcome.jobId(),
                    problem(outcome, rejected.keep(body, outcome)), false);
        };
        if (key != null) {
            keys.answer(key, status(answer), answer.jobId(), answer.problem() == null ? null : write(answer.problem()));
        }
        return answer;
    }

    static int status(Submission submission) {
        return switch (submission.outcome()) {
            case ACCEPTED -> HttpStatus.ACCEPTED.value();
            case EXISTING -> HttpStatus.OK.value();
            case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY.value();
        };
    }

    private Submission replay(IdempotencyRecord first, BriefBody body) {
        if (!first.requestSha256().equals(body.sha256())) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "Idempotency-Key reused",
                            "this Idempotency-Key was first used at " + first.createdAt() + " with a different"
                                    + " body; send a new key for a new or edited brief")
                    .with("errors", List.of(Map.of("path", "Idempotency-Key",
                            "message", "already used with a different body")))
                    .with("job", first.jobId());
        }
        if (first.status() == HttpStatus.UNPROCESSABLE_ENTITY.value()) {
            return new Submission(Submission.Outcome.REJECTED, first.jobId(), read(first.problemJson()), true);
        }
        return new Submission(Submission.Outcome.EXISTING, first.jobId(), null, true);
    }

    private void claim(String key, BriefBody body) {
        try {
            keys.claim(key, body.sha256());
        } catch (DuplicateKeyException | PessimisticLockingFailureException | QueryTimeoutException concurrent) {
            // PostgreSQL makes the second insert wait for the first transaction, then reports the duplicate;
            // H2 gives up waiting after its lock timeout: both mean another request holds the key right now
            throw ApiProblem.of(HttpStatus.CONFLICT, "Idempotency-Key in use",
                    "another request with this Idempotency-Key was being processed at the same time; send this"
                            + " one again to get the first request's answer");
        }
    }

    private static ProblemDetail problem(IntakeOutcome outcome, String keptAs) {
        int count = outcome.errors().size();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "the brief has " + count + (count == 1 ? " problem" : " problems")
                        + "; nothing was generated. Fix every one listed in errors and post it again.");
        problem.setTitle("Invalid brief");
        problem.setInstance(URI.create("/api/jobs/" + outcome.jobId()));
        problem.setProperty("errors", outcome.errors());
        problem.setProperty("warnings", outcome.warnings());
        problem.setProperty("job", outcome.jobId());
        problem.setProperty("keptAs", keptAs);
        problem.setProperty("report", keptAs + ".error.txt");
        return problem;
    }

    private String write(ProblemDetail problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is plain data", e);
        }
    }

    private ProblemDetail read(String problem) {
        try {
            return json.readValue(problem, ProblemDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer could not be read back", e);
        }
    }
}
