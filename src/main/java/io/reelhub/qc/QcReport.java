package io.reelhub.qc;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.reelhub.media.FrameStretch;
import io.reelhub.media.ProbeResult;

/**
 * The quality check of one generation of a shot: every check with what was measured, plus the raw facts behind
 * them (camelCase JSON, as the REST API). Kept per attempt in {@code generation_attempts}, shown by
 * {@code GET /api/jobs/{id}/attempts} and written into the review package when a shot runs out of attempts.
 *
 * @param attempt    which generation of the shot (1 = the first)
 * @param seed       the seed it was generated with, null when the model takes none
 * @param clip       the clip's file name
 * @param passed     whether every check passed
 * @param checks     the checks in the order they ran; a check that could not run (the file does not open) is absent
 * @param probe      what ffprobe read, null when it could not read the file
 * @param stretches  black and frozen stretches longer than allowed, in time order
 * @param checkedAt  when the check ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QcReport(int attempt, Long seed, String clip, boolean passed, List<QcCheck> checks, ProbeResult probe,
                       List<FrameStretch> stretches, Instant checkedAt) {

    public QcReport {
        checks = List.copyOf(checks);
        stretches = stretches == null ? List.of() : List.copyOf(stretches);
    }

    /** The failed checks in one line, for a job's history: {@code resolution: 320x180, expected 640x360; ...}. */
    public String failures() {
        return checks.stream().filter(check -> !check.passed()).map(QcCheck::describe)
                .collect(Collectors.joining("; "));
    }
}
