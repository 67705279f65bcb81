package io.reelhub.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * The job lifecycle of PRODUCT.md; the pump acts on the "active" states. {@link #PARKED} is a job whose clip is
 * ready but at least one destination kept failing: it waits for {@code POST /api/jobs/{id}/retry}, neither working
 * nor finished.
 */
public enum JobState {
    RECEIVED, VALIDATED, QUEUED, SUBMITTED, RENDERING, DOWNLOADING, PROCESSING, AWAITING_REVIEW, DELIVERING,
    PARKED, DELIVERED, REJECTED, FAILED, CANCELLED;

    /** States in which the hub itself has the next step to take. */
    public static final Set<JobState> ACTIVE = EnumSet.of(QUEUED, SUBMITTED, RENDERING, DOWNLOADING, PROCESSING,
            DELIVERING);

    public boolean isTerminal() {
        return this == DELIVERED || this == REJECTED || this == FAILED || this == CANCELLED;
    }
}
