package io.reelhub.social.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.reelhub.social.PostNotBeforeException;
import io.reelhub.social.SchedulerException;
import io.reelhub.social.SchedulerHttp;
import io.reelhub.social.SocialPost;
import io.reelhub.social.SocialPostLedger;
import io.reelhub.social.SocialTestBed;
import io.reelhub.support.BufferEmulator;

/** The Buffer connector against a local Buffer GraphQL emulator, through the publisher and its ledger. */
class BufferSchedulerTest {

    private static final String TOKEN = "buffer-test-token";
    private static final String DESTINATION = "buffer";

    private final SocialTestBed bed = new SocialTestBed();
    private final BufferEmulator buffer = BufferEmulator.start(TOKEN, bed.clock)
            .channel("ch-tiktok", "tiktok").channel("ch-insta", "instagram").channel("ch-yt", "youtube");

    @AfterEach
    void stop() {
        buffer.close();
    }

    private BufferScheduler scheduler(String token) {
        BufferClient client = new BufferClient(bed.http, SchedulerHttp.endpoint(buffer.url(), "/", "base URL"), token);
        return new BufferScheduler(client, "org-1", Map.of("tiktok", "ch-tiktok", "instagram-reels", "ch-insta",
                "youtube-shorts", "ch-yt"), "22", bed.clock);
    }

    private List<String> publish(SocialPost... posts) {
        return bed.publisher.publish(scheduler(TOKEN), DESTINATION, List.of(posts));
    }

    @Test
    void aScheduledTikTokPostCarriesTheTextChannelScheduleVideoAndTheAiDisclosure() {
        Instant at = SocialTestBed.T0.plus(Duration.ofDays(2));
        SocialPost post = bed.post("tiktok", at);

        List<String> receipts = publish(post);

        assertThat(buffer.posts()).hasSize(1);
        BufferEmulator.Post created = buffer.posts().get(0);
        assertThat(receipts).containsExactly("buffer tiktok post " + created.id());
        JsonNode input = created.input();
        assertThat(input.path("text").asText()).isEqualTo("Spring is here #spring #acme");
        assertThat(input.path("channelId").asText()).isEqualTo("ch-tiktok");
        assertThat(input.path("schedulingType").asText()).isEqualTo("automatic");
        assertThat(input.path("mode").asText()).isEqualTo("customScheduled");
        assertThat(input.path("dueAt").asText()).isEqualTo("2026-03-04T10:00:00Z");
        assertThat(input.path("assets").get(0).path("video").path("url").asText())
                .isEqualTo(post.media().get(0).url().toString());
        assertThat(input.path("metadata").path("tiktok").path("isAiGenerated").asBoolean()).isTrue();
        assertThat(input.path("aiAssisted").asBoolean()).isTrue();
        assertThat(buffer.requests().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(bed.ledger.find(post.jobId(), DESTINATION, "tiktok")).get()
                .extracting(SocialPostLedger.Entry::state, SocialPostLedger.Entry::remotePostId)
                .containsExactly(SocialPostLedger.State.POSTED, created.id());
    }

    @Test
    void aPostWithoutAFutureTimeGoesToTheQueue() {
        publish(bed.post("instagram-reels", null), bed.post("tiktok", SocialTestBed.T0.minusSeconds(60)));

        assertThat(buffer.posts()).extracting(p -> p.input().path("mode").asText())
                .containsExactly("addToQueue", "addToQueue");
        assertThat(buffer.posts()).allSatisfy(p -> assertThat(p.input().has("dueAt")).isFalse());
        JsonNode instagram = buffer.posts().get(0).input().path("metadata").path("instagram");
        assertThat(instagram.path("type").asText()).isEqualTo("reel");
        assertThat(instagram.path("isAiGenerated").asBoolean()).isTrue();
    }

    @Test
    void aYouTubeShortCarriesTheTitleCategoryAndAiDisclosureBufferRequires() {
        publish(bed.post("youtube-shorts", null));

        JsonNode youtube = buffer.posts().get(0).input().path("metadata").path("youtube");
        assertThat(youtube.path("title").asText()).isEqualTo("Spring teaser");
        assertThat(youtube.path("categoryId").asText()).isEqualTo("22");
        assertThat(youtube.path("isAiGenerated").asBoolean()).isTrue();
        assertThat(youtube.path("madeForKids").asBoolean()).isFalse();
    }

    @Test
    void aWrongApiKeyFailsWithBuffersErrorAndCreatesNothing() {
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> bed.publisher.publish(scheduler("wrong"), DESTINATION, List.of(post)))
                .isInstanceOf(SchedulerException.class)
                .hasMessageContaining("Not authorized").hasMessageContaining("UNAUTHORIZED")
                .hasMessageNotContaining("wrong");

        assertThat(buffer.posts()).isEmpty();
        assertThat(bed.ledger.find(post.jobId(), DESTINATION, "tiktok")).get()
                .extracting(SocialPostLedger.Entry::state).isEqualTo(SocialPostLedger.State.FAILED);
    }

    @Test
    void aGraphqlErrorInAnHttp200AnswerIsAFailureWithItsMessage() {
        buffer.graphqlErrorNext(1, "Something exploded in Buffer");
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> publish(post)).isInstanceOf(SchedulerException.class)
                .hasMessageContaining("Something exploded in Buffer");

        assertThat(buffer.posts()).isEmpty();
    }

    @Test
    void aTypedMutationErrorIsAFailureNamingItsType() {
        SocialPost post = bed.post("tiktok", null);
        BufferScheduler unknownChannel = new BufferScheduler(new BufferClient(bed.http,
                SchedulerHttp.endpoint(buffer.url(), "/", "base URL"), TOKEN), "org-1",
                Map.of("tiktok", "ch-gone"), "22", bed.clock);

        assertThatThrownBy(() -> bed.publisher.publish(unknownChannel, DESTINATION, List.of(post)))
                .hasMessageContaining("NotFoundError").hasMessageContaining("Channel not found");
    }

    @Test
    void aPlatformWithoutAChannelIsAFailureNamingTheSetting() {
        SocialPost post = bed.post("facebook-reels", null);

        assertThatThrownBy(() -> publish(post)).hasMessageContaining("no Buffer channel for platform"
                + " 'facebook-reels'").hasMessageContaining("channels");
        assertThat(buffer.requests()).isEmpty();
    }

    @Test
    void a5xxThenRecoveryCreatesThePostOnce() {
        buffer.failNext(1, 500);
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> publish(post)).isInstanceOf(SchedulerException.class).hasMessageContaining("500");
        List<String> receipts = publish(post);

        assertThat(buffer.posts()).hasSize(1);
        assertThat(receipts).containsExactly("buffer tiktok post " + buffer.posts().get(0).id());
    }

    @Test
    void aPostCreatedBeforeAGatewayErrorIsFoundAndAdoptedNotCreatedAgain() {
        buffer.failAfterCreate(1);
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> publish(post)).hasMessageContaining("502").hasMessageContaining("tiktok");
        bed.clock.advance(Duration.ofMinutes(1));
        List<String> receipts = publish(post);

        assertThat(buffer.posts()).hasSize(1);
        assertThat(buffer.createPostRequests()).hasSize(1);
        assertThat(receipts).containsExactly("buffer tiktok post " + buffer.posts().get(0).id());
        assertThat(buffer.requests().get(1).body().path("variables").path("input").path("organizationId").asText())
                .isEqualTo("org-1");
    }

    @Test
    void anotherJobsPostWithTheSameTextIsNeverAdopted() {
        SocialPost first = bed.post("tiktok", null);
        SocialPost second = bed.post("tiktok", null);
        publish(first);
        buffer.failNext(1, 500);

        assertThatThrownBy(() -> publish(second)).hasMessageContaining("500");
        publish(second);

        assertThat(buffer.posts()).hasSize(2);
        assertThat(bed.ledger.find(second.jobId(), DESTINATION, "tiktok").orElseThrow().remotePostId())
                .isEqualTo(buffer.posts().get(1).id());
    }

    @Test
    void aDeliveryRepeatedAfterSuccessSendsNothing() {
        SocialPost post = bed.post("tiktok", null);
        List<String> first = publish(post);

        List<String> again = publish(post);

        assertThat(again).isEqualTo(first);
        assertThat(buffer.requests()).hasSize(1);
    }

    @Test
    void a429DefersThePostByBuffersRetryAfterWithoutCountingItAgainstTheRateLimit() {
        buffer.rateLimitNext(1, 900);
        SocialPost post = bed.post("tiktok", null);

        assertThatThrownBy(() -> publish(post)).isInstanceOfSatisfying(PostNotBeforeException.class,
                e -> assertThat(e.notBefore()).isEqualTo(SocialTestBed.T0.plusSeconds(900)))
                .hasMessageContaining("429").hasMessageContaining("RATE_LIMIT_EXCEEDED");
        assertThat(buffer.posts()).isEmpty();
        assertThat(bed.ledger.find(post.jobId(), DESTINATION, "tiktok")).get()
                .extracting(SocialPostLedger.Entry::state).isEqualTo(SocialPostLedger.State.FAILED);

        bed.clock.advance(Duration.ofSeconds(900));
        publish(post);
        assertThat(buffer.posts()).hasSize(1);
    }

    @Test
    void aBufferThatIsDownFailsEveryPostOfTheDeliveryAndPostsThemOnceWhenBack() {
        buffer.down(true);
        SocialPost tiktok = bed.post("tiktok", null);
        SocialPost insta = bed.post(tiktok.jobId(), "instagram-reels", null);

        assertThatThrownBy(() -> publish(tiktok, insta)).hasMessageContaining("503");
        assertThat(buffer.createPostRequests()).hasSize(2);
        buffer.down(false);
        publish(tiktok, insta);
        publish(tiktok, insta);

        assertThat(buffer.posts()).extracting(BufferEmulator.Post::channelId)
                .containsExactlyInAnyOrder("ch-tiktok", "ch-insta");
    }
}
