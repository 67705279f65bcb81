package io.reelhub.jobs;

import java.util.EnumSet;
import java.util.Set;

/** The job lifecycle of PRODUCT.md; the pump acts on the "active" states. */
public enum JobState {
    RECEIVED, VALIDATED, QUEUED, SUBMITTED, RENDERING, DOWNLOADING, PROCESSING, AWAITING_REVIEW, DELIVERING,
    DELIVERED, REJECTED, FAILED, CANCELLED;

    /** States in which the hub itself has the next step to take. */
    public static final Set<JobState> ACTIVE = EnumSet.of(QUEUED, SUBMITTED, RENDERING, DOWNLOADING, PROCESSING,
            DELIVERING);

    public boolean isTerminal() {
        return this == DELIVERED || this == REJECTED || this == FAILED || this == CANCELLED;
    }
}
