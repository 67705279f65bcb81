package io.reelhub.social;

import java.time.Instant;
import java.util.List;

/**
 * A service that publishes posts to platforms (Buffer, Ayrshare, a webhook receiver). {@link SocialPublisher} calls
 * it once per post and platform, after recording the intent and taking the post's place in the platform's rate
 * limit; a scheduler only speaks its wire protocol.
 */
public interface Scheduler {

    /** The scheduler's name in logs and receipts ({@code buffer}). */
    String name();

    /**
     * Creates the post. Exactly one request per call: a retry is the hub's decision.
     *
     * @param idempotencyKey the same for every attempt of this post; schedulers that honour a key get it
     * @return the scheduler's id for the post
     * @throws SchedulerException saying whether the post may exist (timeout) or surely does not (refused)
     */
    String create(SocialPost post, String idempotencyKey);

    /**
     * After an attempt whose outcome is unknown (a timeout, a crash between the request and recording its answer):
     * the posts that attempt may have created, newest first, if the scheduler can be asked. The hub adopts the
     * first one no other job has recorded as its own. Empty means "not found, create it", which is also the answer
     * of a scheduler that dedupes by {@code idempotencyKey} itself.
     *
     * @param since when the first attempt was made
     */
    default List<String> findCreated(SocialPost post, String idempotencyKey, Instant since) {
        return List.of();
    }
}
