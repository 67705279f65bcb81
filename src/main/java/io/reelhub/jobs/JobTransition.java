package io.reelhub.jobs;

import java.time.Instant;

/** One line of a job's audit trail. */
public record JobTransition(Instant at, JobState from, JobState to, String reason) {
}
