package io.reelhub.qc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.review.ReviewMaterial;

/**
 * A shot held for review after failed quality checks shows the reviewer every attempt: the clips of the attempts
 * that were generated again ({@code <shot>_attempt1.mp4}, ...) go into the review folder beside the last one, and
 * the reports of all of them are in its {@code review.json}. Approving delivers the last attempt.
 */
@Component
class QcReviewMaterial implements ReviewMaterial {

    private final GenerationAttempts attempts;

    QcReviewMaterial(GenerationAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public List<Path> prepare(Job job, Path workFolder) {
        return attempts.of(job.id()).stream()
                .filter(attempt -> attempt.decision() == Attempt.Decision.GENERATE_AGAIN && attempt.clipPath() != null)
                .map(attempt -> Path.of(attempt.clipPath()))
                .filter(Files::isRegularFile)
                .toList();
    }
}
