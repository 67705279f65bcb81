package io.reelhub.social.ayrshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.reelhub.social.PostNotBeforeException;
import io.reelhub.social.SchedulerException;
import io.reelhub.social.SocialPost;
import io.reelhub.social.SocialPostLedger;
import io.reelhub.social.SocialTestBed;
import io.reelhub.support.AyrshareEmulator;

/** The Ayrshare connector against a local emulator of {@code POST /api/post}, through the publisher. */
class AyrshareSchedulerTest {

    private static final String KEY = "ayr-test-key";
    private static final String DESTINATION = "ayrshare";

    private final SocialTestBed bed = new SocialTestBed();
    private final AyrshareEmulator ayrshare = AyrshareEmulator.start(KEY);

    @AfterEach
    void stop() {
        ayrshare.close();
    }

    private AyrshareScheduler scheduler(String key) {
        return new AyrshareScheduler(bed.http, ayrshare.url(), key, null, null, bed.clock);
    }

    private List<String> publish(SocialPost... posts) {
        return bed.publisher.publish(scheduler(KEY), DESTINATION, List.of(posts));
    }

    @Test
    void aScheduledTikTokPostCarriesTextVideoScheduleIdempotencyKeyAndTheAiFlag() {
        Instant at = SocialTestBed.T0.plus(Duration.ofHours(5));
        SocialPost post = bed.post("tiktok", at);

        List<String> receipts = publish(post);

        assertThat(ayrshare.posts()).hasSize(1);
        AyrshareEmulator.Post created = ayrshare.posts().get(0);
        assertThat(receipts).containsExactly("ayrshare tiktok post " + created.id());
        JsonNode body = created.body();
        assertThat(body.path("post").asText()).isEqualTo("Spring is here #spring #acme");
        assertThat(body.path("platforms")).extracting(JsonNode::asText).containsExactly("tiktok");
        assertThat(body.path("mediaUrls")).extracting(JsonNode::asText)
                .containsExactly(post.media().get(0).url().toString());
        assertThat(body.path("isVideo").asBoolean()).isTrue();
        assertThat(body.path("scheduleDate").asText()).isEqualTo("2026-03-02T15:00:00Z");
        assertThat(body.path("idempotencyKey").asText()).isEqualTo(post.jobId() + ".ayrshare.tiktok");
        assertThat(body.path("tikTokOptions").path("isAIGenerated").asBoolean()).isTrue();
        assertThat(ayrshare.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(ayrshare.requests().get(0).path()).isEqualTo("/api/post");
    }

    @Test
    void aYouTubeShortDisclosesSyntheticMediaAndIsNotMadeForKids() {
        publish(bed.post("youtube-shorts", null));

        JsonNode body = ayrshare.posts().get(0).body();
        assertThat(body.path("platforms")).extracting(JsonNode::asText).containsExactly("youtube");
        JsonNode youtube = body.path("youTubeOptions");
        assertThat(youtube.path("containsSyntheticMedia").asBoolean()).isTrue();
        assertThat(youtube.path("madeForKids").asBoolean()).isFalse();
        assertThat(youtube.path("shorts").asBoolean()).isTrue();
        assertThat(youtube.path("title").asText()).isEqualTo("Spring teaser");
        assertThat(youtube.path("visibility").asText()).isEqualTo("public");
        assertThat(body.has("scheduleDate")).isFalse();
    }

    @Test
    void aFacebookReelAsksForReels() {
        publish(bed.post("facebook-reels", null));

        JsonNode body = ayrshare.posts().get(0).body();
        assertThat(body.path("platforms")).extracting(JsonNode::asText).containsExactly("facebook");
        assertThat(body.path("faceBookOptions").path("reels").asBoolean()).isTrue();
    }

    @Test
    void aWrongApiKeyFailsWithAyrsharesMessageAndNeverRepeatsTheKey() {
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> bed.publisher.publish(scheduler("stolen-or-stale"), DESTINATION, List.of(post)))
                .isInstanceOfSatisfying(SchedulerException.class,
                        e -> assertThat(e.outcome()).isEqualTo(SchedulerException.Outcome.REFUSED))
                .hasMessageContaining("401").hasMessageContaining("API Key not valid")
                .hasMessageNotContaining("stolen-or-stale");
        assertThat(ayrshare.posts()).isEmpty();
    }

    @Test
    void anErrorBodyIsAFailureNamingTheNetworkCodeAndMessage() {
        ayrshare.errorNext(1);
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> publish(post)).hasMessageContaining("tiktok 110: Status is a duplicate.");
        assertThat(bed.ledger.find(post.jobId(), DESTINATION, "tiktok")).get()
                .extracting(SocialPostLedger.Entry::state).isEqualTo(SocialPostLedger.State.FAILED);
    }

    @Test
    void a5xxThenRecoveryPostsOnce() {
        ayrshare.failNext(1, 503);
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> publish(post)).hasMessageContaining("503");
        publish(post);

        assertThat(ayrshare.posts()).hasSize(1);
    }

    @Test
    void aPostCreatedBeforeA500IsNotCreatedAgainBecauseTheRetryCarriesTheSameIdempotencyKey() {
        ayrshare.failAfterCreate(1);
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> publish(post)).isInstanceOfSatisfying(SchedulerException.class,
                e -> assertThat(e.outcome()).isEqualTo(SchedulerException.Outcome.UNKNOWN));
        List<String> receipts = publish(post);

        assertThat(ayrshare.posts()).hasSize(1);
        assertThat(receipts).containsExactly("ayrshare tiktok post " + ayrshare.posts().get(0).id());
        assertThat(ayrshare.requests()).extracting(r -> r.body().path("idempotencyKey").asText()).hasSize(2)
                .containsOnly(post.jobId() + ".ayrshare.tiktok");
    }

    @Test
    void a429DefersThePostByRetryAfter() {
        ayrshare.rateLimitNext(1, 120);
        SocialPost post = bed.post("instagram-reels", null);

        assertThatThrownBy(() -> publish(post)).isInstanceOfSatisfying(PostNotBeforeException.class,
                e -> assertThat(e.notBefore()).isEqualTo(SocialTestBed.T0.plusSeconds(120)));
        assertThat(ayrshare.posts()).isEmpty();
    }

    @Test
    void aPlatformAyrshareCannotReachIsAFailureBeforeAnyRequest() {
        SocialPost post = bed.post("tiktok", null);
        SocialPost pinterest = new SocialPost(post.jobId(), post.project(), post.briefId(), 1, "sh010", "tiktok",
                null, post.text(), post.hashtags(), null, post.media(), post.lineage());

        assertThat(AyrshareRequest.network(pinterest.platform())).isEqualTo("tiktok");
        assertThatThrownBy(() -> AyrshareRequest.network("pinterest-pins"))
                .hasMessageContaining("no network for platform 'pinterest-pins'");
    }
}
