package io.reelhub.intake;

import java.util.List;

import io.reelhub.brief.Problem;

/**
 * What became of one brief handed to the hub, whatever the channel.
 *
 * @param jobId    the job a user follows (the parent for multi-generation briefs); null when nothing was recorded
 * @param version  the brief version the content was given, 0 when rejected
 */
public record IntakeOutcome(Status status, String jobId, String project, String briefId, int version,
                            List<Problem> errors, List<Problem> warnings) {

    public enum Status {
        /** New content: jobs were queued. */
        ACCEPTED,
        /** Content already seen: nothing new was queued; {@link #jobId} is the earlier job. */
        DUPLICATE,
        /** Invalid: nothing will be generated; {@link #errors} say why. */
        REJECTED
    }

    public boolean rejected() {
        return status == Status.REJECTED;
    }
}
