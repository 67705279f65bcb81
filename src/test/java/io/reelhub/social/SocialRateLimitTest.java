package io.reelhub.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * The per-platform rate limits with a scheduler that records what it is asked to create. TikTok through Ayrshare's
 * audited app takes 6 videos a minute and 15 a day: an 8th post in a minute is neither dropped nor waited for on a
 * thread; it is deferred to the moment the window frees a place.
 */
class SocialRateLimitTest {

    private final SocialTestBed bed = new SocialTestBed();
    private final RecordingScheduler scheduler = new RecordingScheduler();

    @Test
    void eightTikTokPostsInAMinuteSendSixAndDeferTwoToWhenTheMinuteFrees() {
        List<SocialPost> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(bed.post("tiktok", null));
        }
        List<PostNotBeforeException> deferred = new ArrayList<>();
        for (SocialPost post : posts) {
            bed.clock.advance(Duration.ofSeconds(1));
            try {
                bed.publisher.publish(scheduler, "ayrshare", List.of(post));
            } catch (PostNotBeforeException e) {
                deferred.add(e);
            }
        }

        assertThat(scheduler.created).hasSize(6);
        assertThat(deferred).hasSize(2).allSatisfy(e -> {
            assertThat(e.notBefore()).isEqualTo(SocialTestBed.T0.plusSeconds(1 + 60));
            assertThat(e.getMessage()).contains("tiktok takes 6 per minute, 15 per day");
        });

        // the hub tries both again at the time they were given; one place has freed by then, the next a second later
        bed.clock.advance(Duration.ofSeconds(61 - 8));
        bed.publisher.publish(scheduler, "ayrshare", List.of(posts.get(6)));
        assertThatThrownBy(() -> bed.publisher.publish(scheduler, "ayrshare", List.of(posts.get(7))))
                .isInstanceOfSatisfying(PostNotBeforeException.class,
                        e -> assertThat(e.notBefore()).isEqualTo(SocialTestBed.T0.plusSeconds(2 + 60)));
        bed.clock.advance(Duration.ofSeconds(1));
        bed.publisher.publish(scheduler, "ayrshare", List.of(posts.get(7)));
        for (SocialPost post : posts) {
            bed.publisher.publish(scheduler, "ayrshare", List.of(post));
        }

        assertThat(scheduler.created).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void theDailyLimitDefersTheSixteenthPostToADayAfterTheFirst() {
        List<Instant> sentAt = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            bed.publisher.publish(scheduler, "ayrshare", List.of(bed.post("tiktok", null)));
            sentAt.add(bed.clock.instant());
            bed.clock.advance(Duration.ofMinutes(10));
        }

        assertThatThrownBy(() -> bed.publisher.publish(scheduler, "ayrshare", List.of(bed.post("tiktok", null))))
                .isInstanceOfSatisfying(PostNotBeforeException.class,
                        e -> assertThat(e.notBefore()).isEqualTo(sentAt.get(0).plus(Duration.ofDays(1))));
        assertThat(scheduler.created).hasSize(15);
    }

    @Test
    void aFullPlatformDoesNotHoldBackTheOtherPlatformsOfTheSameDelivery() {
        for (int i = 0; i < 6; i++) {
            bed.publisher.publish(scheduler, "ayrshare", List.of(bed.post("tiktok", null)));
        }
        SocialPost tiktok = bed.post("tiktok", null);
        SocialPost insta = bed.post(tiktok.jobId(), "instagram-reels", null);

        assertThatThrownBy(() -> bed.publisher.publish(scheduler, "ayrshare", List.of(tiktok, insta)))
                .isInstanceOf(PostNotBeforeException.class);

        assertThat(scheduler.created).hasSize(7).contains(insta.jobId() + ".ayrshare.instagram-reels");
    }

    @Test
    void aRefusedPostStopsCountingAgainstTheLimit() {
        scheduler.refuseNext = 6;
        for (int i = 0; i < 6; i++) {
            SocialPost post = bed.post("tiktok", null);
            assertThatThrownBy(() -> bed.publisher.publish(scheduler, "ayrshare", List.of(post)))
                    .isInstanceOf(SchedulerException.class);
        }

        bed.publisher.publish(scheduler, "ayrshare", List.of(bed.post("tiktok", null)));

        assertThat(scheduler.created).hasSize(1);
    }

    /** Creates every post it is asked to, unless told to refuse. */
    static final class RecordingScheduler implements Scheduler {

        final List<String> created = new CopyOnWriteArrayList<>();
        int refuseNext;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String create(SocialPost post, String idempotencyKey) {
            if (refuseNext > 0) {
                refuseNext--;
                throw SchedulerException.refused("refused for the test");
            }
            created.add(idempotencyKey);
            return "post-" + created.size();
        }
    }
}
