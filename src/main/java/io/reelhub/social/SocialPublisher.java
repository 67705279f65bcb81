package io.reelhub.social;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a delivery's posts through one scheduler, each at most once, each within its platform's rate limit.
 * For every post: a post already recorded as POSTED is skipped; one whose earlier attempt has an unknown outcome
 * is first looked for; then the post takes its place in the platform's rate limit and its intent is recorded
 * (both in {@link SocialPostLedger}) before the scheduler is called, and the scheduler's id is recorded after.
 *
 * <p>All posts of a delivery are tried even when one fails, so a platform that is down or full never holds back
 * the others. Then a failure fails the delivery (the hub retries it with back-off and parks it in the end), and a
 * full rate limit or a 429 defers it to the time a place frees ({@link PostNotBeforeException}): nothing is
 * dropped, no thread waits, and the posts already made are not made again.
 */
@Component
public class SocialPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SocialPublisher.class);
    /** When a 429 does not say how long to wait. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);

    private final SocialPostLedger ledger;
    private final PlatformProfiles profiles;
    private final Clock clock;

    public SocialPublisher(SocialPostLedger ledger, PlatformProfiles profiles, Clock clock) {
        this.ledger = ledger;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * @param destination the destination's name, part of every post's idempotency key
     * @return one receipt per post, {@code buffer tiktok post 64f0…}, as the destination's outputs
     * @throws PostNotBeforeException if some post must wait and none failed
     * @throws SchedulerException     if some post failed (the others were still sent)
     */
    public List<String> publish(Scheduler scheduler, String destination, List<SocialPost> posts) {
        if (posts.isEmpty()) {
            throw new IllegalArgumentException("nothing to post: the job has no approved rendition for a platform");
        }
        List<String> receipts = new ArrayList<>();
        RuntimeException failure = null;
        PostNotBeforeException wait = null;
        for (SocialPost post : posts) {
            try {
                receipts.add(publishOne(scheduler, destination, post));
            } catch (PostNotBeforeException e) {
                wait = wait == null || e.notBefore().isAfter(wait.notBefore()) ? e : wait;
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (wait != null) {
            throw wait;
        }
        return receipts;
    }

    private String publishOne(Scheduler scheduler, String destination, SocialPost post) {
        String jobId = post.jobId();
        String platform = post.platform();
        String key = post.idempotencyKey(destination);
        Optional<SocialPostLedger.Entry> earlier = ledger.find(jobId, destination, platform);
        if (earlier.isPresent() && earlier.get().state() == SocialPostLedger.State.POSTED) {
            LOG.info("Job {}: {} already posted to {} as {}; not posted again", jobId, platform, scheduler.name(),
                    earlier.get().remotePostId());
            return receipt(scheduler, platform, earlier.get().remotePostId());
        }
        if (earlier.isPresent() && earlier.get().state() == SocialPostLedger.State.SENDING) {
            Optional<String> found = scheduler.findCreated(post, key, earlier.get().firstSentAt()).stream()
                    .filter(id -> !ledger.ownedByAnother(destination, platform, id, jobId)).findFirst();
            if (found.isPresent()) {
                LOG.info("Job {}: the {} post of an interrupted attempt exists on {} as {}; adopted", jobId,
                        platform, scheduler.name(), found.get());
                ledger.posted(jobId, destination, platform, found.get());
                return receipt(scheduler, platform, found.get());
            }
        }
        ledger.reserve(jobId, destination, platform, key, profiles.get(platform).rate());
        String id;
        try {
            id = scheduler.create(post, key);
        } catch (SchedulerException e) {
            String error = scheduler.name() + " " + platform + ": " + e.getMessage();
            switch (e.outcome()) {
                case UNKNOWN -> ledger.unknown(jobId, destination, platform, error);
                case RATE_LIMITED -> {
                    ledger.refused(jobId, destination, platform, error);
                    Duration after = e.retryAfter() == null ? DEFAULT_RETRY_AFTER : e.retryAfter();
                    throw new PostNotBeforeException(error, clock.instant().plus(after));
                }
                default -> ledger.refused(jobId, destination, platform, error);
            }
            throw new SchedulerException(e.outcome(), error, e.retryAfter());
        } catch (RuntimeException e) {
            // a bug or an unexpected answer: the post may exist, so look for it before creating it again
            String error = scheduler.name() + " " + platform + ": " + e;
            ledger.unknown(jobId, destination, platform, error);
            throw e;
        }
        ledger.posted(jobId, destination, platform, id);
        LOG.info("Job {}: {} posted to {} as {}", jobId, platform, scheduler.name(), id);
        return receipt(scheduler, platform, id);
    }

    private static String receipt(Scheduler scheduler, String platform, String id) {
        return scheduler.name() + " " + platform + " post " + id;
    }
}
