package io.reelhub.qc;

import java.util.List;

/**
 * What a reviewer reads in {@code review.json} about a shot's quality checks: why it is held and the report of
 * every attempt, first to last.
 *
 * @param outcome  why the shot waits for a human (passed but needs approval; failed and no attempt left, and why)
 * @param attempts the reports, first to last
 */
public record QualityReview(String outcome, List<QcReport> attempts) {

    public QualityReview {
        attempts = List.copyOf(attempts);
    }
}
