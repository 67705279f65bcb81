package io.reelhub.jobs;

/**
 * A job reached a terminal state. Published by {@link JobStore} inside the transaction of that transition, so a
 * listener that writes to the ledger (the callback outbox) commits or rolls back together with the state change:
 * after a crash there is never a delivered job without its pending notification, nor a notification for a
 * transition that did not happen. Listeners must not call out of the process; they record work for later.
 *
 * @param jobId  the job that ended
 * @param from   the state it left
 * @param state  the terminal state it reached
 * @param reason the reason recorded in its history
 */
public record JobEnded(String jobId, JobState from, JobState state, String reason) {
}
