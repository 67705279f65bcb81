package io.reelhub.api;

import org.springframework.http.ProblemDetail;

/**
 * What {@code POST /api/briefs} answers.
 *
 * @param outcome  what became of the brief
 * @param jobId    the job the answer is about
 * @param problem  the problem+json of a rejected brief, null otherwise
 * @param replayed true when this repeats the first answer given to the same Idempotency-Key
 */
record Submission(Outcome outcome, String jobId, ProblemDetail problem, boolean replayed) {

    enum Outcome {
        /** New content, jobs queued: 202. */
        ACCEPTED,
        /** Content already known, or the replay of an accepted brief: 200 with the existing job. */
        EXISTING,
        /** Invalid: 422 with every problem. */
        REJECTED
    }
}
