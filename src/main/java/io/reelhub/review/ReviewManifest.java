package io.reelhub.review;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code review.json}: what a review folder holds and why, for the reviewer who opens it and for the hub, which
 * finds the job again from it when the folder is moved.
 *
 * @param jobId    the held job
 * @param project  its project
 * @param briefId  its brief
 * @param version  the brief version label, e.g. {@code v001}
 * @param shotId   the shot or variation
 * @param stage    the brief's stage
 * @param reason   why the job waits for a human
 * @param heldAt   when it started waiting
 * @param files    the files beside this manifest
 * @param report   details behind the reason (e.g. a quality-check report), may be null
 * @param decide   how to approve or reject it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewManifest(
        String jobId,
        String project,
        String briefId,
        String version,
        String shotId,
        String stage,
        String reason,
        Instant heldAt,
        List<String> files,
        Object report,
        String decide) {
}
