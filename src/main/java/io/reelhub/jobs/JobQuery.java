package io.reelhub.jobs;

/** Filters of {@code GET /api/jobs}; null means "any". */
public record JobQuery(String project, JobState state, String stage, int limit) {
}
