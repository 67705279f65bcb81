package io.reelhub.batch;

import java.math.BigDecimal;

/** One brief file claimed by a run, and what became of it. */
record BatchItem(String fileName, Status status, String jobId, BigDecimal estimateUsd, String reason) {

    enum Status {
        /** Claimed, not yet handed to intake. */
        PENDING,
        /** Handed to intake: a job exists. */
        QUEUED,
        /** The same content ran before: nothing generated. */
        DUPLICATE,
        /** Invalid: the reason lists the errors. */
        REJECTED,
        /** Not sent: the run's budget cap was reached. */
        SKIPPED
    }
}
