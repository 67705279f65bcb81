package io.reelhub.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import io.reelhub.support.AyrshareEmulator;
import io.reelhub.support.BufferEmulator;
import io.reelhub.support.HubJobs;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.TempHome;

/**
 * The social stage end to end, from a brief in the inbox to Buffer and Ayrshare emulators and the outbox: renditions
 * wait in review/ while nothing reaches a scheduler; an approval over REST publishes each post once, with the AI
 * disclosure; a rejection by moving the folder publishes nothing; a scheduler that is down is parked, and a retry
 * once it is back posts exactly once.
 */
@HubTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SocialStageTest {

    private static final Path HOME = TempHome.create("social-stage");
    private static final Path REVIEW = HOME.resolve("review");
    private static final BufferEmulator BUFFER = BufferEmulator.start("buffer-e2e-token")
            .channel("ch-tiktok", "tiktok").channel("ch-yt", "youtube").channel("ch-insta", "instagram");
    private static final AyrshareEmulator AYRSHARE = AyrshareEmulator.start("ayrshare-e2e-key");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.review.folder-scan-interval", () -> "200ms");
        registry.add("reelhub.review.auto-approve-projects", () -> "trusted-brand");
        registry.add("reelhub.delivery.max-attempts", () -> "2");
        registry.add("reelhub.stages.social.destinations", () -> "social-outbox,buffer,ayrshare");
        registry.add("reelhub.destinations.buffer.api-key", () -> "buffer-e2e-token");
        registry.add("reelhub.destinations.buffer.organization-id", () -> "org-e2e");
        registry.add("reelhub.destinations.buffer.channels",
                () -> "tiktok=ch-tiktok, youtube-shorts=ch-yt, instagram-reels=ch-insta");
        // a window short enough to watch a deferred post go out later
        registry.add("reelhub.social.platforms.instagram-reels.rate", () -> "1 per 4s");
        registry.add("reelhub.destinations.buffer.base-url", BUFFER::url);
        registry.add("reelhub.destinations.ayrshare.api-key", () -> "ayrshare-e2e-key");
        registry.add("reelhub.destinations.ayrshare.base-url", AYRSHARE::url);
        // the hub serves its renditions on a plain local port; Ayrshare itself wants https media URLs
        AYRSHARE.acceptPlainHttpMedia();
    }

    @AfterAll
    static void stopEmulators() {
        BUFFER.close();
        AYRSHARE.close();
    }

    @Autowired
    TestRestTemplate rest;

    private final Inbox inbox = new Inbox(HOME);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void renditionsWaitInReviewAndAnApprovalPublishesEachPostOnceWithTheAiDisclosure() throws Exception {
        inbox.drop("harbour-teaser.yaml", Files.readString(Path.of("examples/briefs/social-teaser.yaml")));

        JsonNode held = awaitState("harbour-teaser", "AWAITING_REVIEW");
        Path folder = REVIEW.resolve("acme-spring__harbour-teaser__sh010_v001");
        assertThat(folder.resolve("review.json")).exists();
        MediaProbe probe = new MediaProbe(FfmpegBinaries.shipped());
        for (String platform : List.of("tiktok", "youtube-shorts")) {
            ProbeResult rendition = probe.probe(folder.resolve("sh010_v001_" + platform + ".mp4"));
            assertThat(rendition.width()).isEqualTo(1080);
            assertThat(rendition.height()).isEqualTo(1920);
        }
        assertThat(Files.readString(folder.resolve("caption.txt")))
                .isEqualTo("Morning at the harbour #dawn #acmespring #harbour\n");
        assertThat(json.readTree(folder.resolve("post.json").toFile())).hasSize(2);
        assertThat(BUFFER.requests()).isEmpty();
        assertThat(AYRSHARE.requests()).isEmpty();

        String id = held.path("id").asText();
        ResponseEntity<JsonNode> approved = rest.postForEntity("/api/jobs/" + id + "/approve",
                Map.of("by", "social@acme.example"), JsonNode.class);
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode done = awaitState("harbour-teaser", "DELIVERED");

        assertThat(BUFFER.posts()).hasSize(2);
        BufferEmulator.Post tiktok = BUFFER.posts().stream().filter(p -> p.channelId().equals("ch-tiktok"))
                .findFirst().orElseThrow();
        assertThat(tiktok.input().path("text").asText()).isEqualTo("Morning at the harbour #dawn #acmespring"
                + " #harbour");
        assertThat(tiktok.input().path("mode").asText()).isEqualTo("customScheduled");
        assertThat(tiktok.input().path("dueAt").asText()).isEqualTo("2027-06-01T09:00:00Z");
        assertThat(tiktok.input().path("metadata").path("tiktok").path("isAiGenerated").asBoolean()).isTrue();
        assertThat(AYRSHARE.posts()).hasSize(2).allSatisfy(p -> assertThat(p.body().path("idempotencyKey").asText())
                .startsWith(id + ".ayrshare."));
        JsonNode youtube = AYRSHARE.posts().stream().map(AyrshareEmulator.Post::body)
                .filter(b -> b.path("platforms").get(0).asText().equals("youtube")).findFirst().orElseThrow();
        assertThat(youtube.path("youTubeOptions").path("containsSyntheticMedia").asBoolean()).isTrue();
        JsonNode ayrTiktok = AYRSHARE.posts().stream().map(AyrshareEmulator.Post::body)
                .filter(b -> b.path("platforms").get(0).asText().equals("tiktok")).findFirst().orElseThrow();
        assertThat(ayrTiktok.path("tikTokOptions").path("isAIGenerated").asBoolean()).isTrue();

        // the media URL the schedulers were given serves the approved rendition
        String mediaUrl = ayrTiktok.path("mediaUrls").get(0).asText();
        assertThat(mediaUrl).endsWith("/api/jobs/" + id + "/outputs/sh010_v001_tiktok.mp4");
        ResponseEntity<byte[]> media = rest.getForEntity(mediaUrl, byte[].class);
        assertThat(media.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(media.getBody()).isEqualTo(Files.readAllBytes(REVIEW.resolve(
                "approved/acme-spring__harbour-teaser__sh010_v001/sh010_v001_tiktok.mp4")));

        Path outbox = HOME.resolve("outbox/acme-spring/harbour-teaser/sh010_v001");
        assertThat(outbox.resolve("sh010_v001_tiktok.mp4")).exists();
        JsonNode posts = json.readTree(outbox.resolve("post.json").toFile());
        assertThat(posts).hasSize(2).allSatisfy(p -> assertThat(p.path("ai_disclosure").path("isAiGenerated")
                .asBoolean()).isTrue());
        assertThat(delivery(done, "buffer").path("outputs")).hasSize(2);
    }

    @Test
    @Order(2)
    void aBriefRejectedByMovingItsFolderPublishesNothing() throws Exception {
        int bufferBefore = BUFFER.requests().size();
        int ayrshareBefore = AYRSHARE.requests().size();
        inbox.drop("rejected-teaser.yaml", teaser("rejected-teaser"));
        awaitState("rejected-teaser", "AWAITING_REVIEW");
        Path folder = REVIEW.resolve("acme-spring__rejected-teaser__sh010_v001");
        Files.writeString(folder.resolve("note.txt"), "off-brand colours");

        Files.move(folder, REVIEW.resolve("rejected").resolve(folder.getFileName()), StandardCopyOption.ATOMIC_MOVE);

        JsonNode rejected = awaitState("rejected-teaser", "REJECTED");
        assertThat(rejected.path("error").asText()).contains("off-brand colours");
        assertThat(BUFFER.requests()).hasSize(bufferBefore);
        assertThat(AYRSHARE.requests()).hasSize(ayrshareBefore);
        assertThat(HOME.resolve("outbox/acme-spring/rejected-teaser")).doesNotExist();
    }

    @Test
    @Order(3)
    void aSchedulerThatIsDownIsParkedAndARetryOnceItIsBackPostsExactlyOnce() throws Exception {
        BUFFER.down(true);
        inbox.drop("late-teaser.yaml", teaser("late-teaser"));
        String id = awaitState("late-teaser", "AWAITING_REVIEW").path("id").asText();
        int bufferPostsBefore = BUFFER.posts().size();
        int ayrsharePostsBefore = AYRSHARE.posts().size();

        rest.postForEntity("/api/jobs/" + id + "/approve", null, JsonNode.class);
        JsonNode parked = awaitState("late-teaser", "PARKED");

        assertThat(delivery(parked, "buffer").path("state").asText()).isEqualTo("PARKED");
        assertThat(delivery(parked, "buffer").path("error").asText()).contains("503");
        assertThat(delivery(parked, "ayrshare").path("state").asText()).isEqualTo("DELIVERED");
        assertThat(BUFFER.posts()).hasSize(bufferPostsBefore);

        BUFFER.down(false);
        assertThat(rest.postForEntity("/api/jobs/" + id + "/retry", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitState("late-teaser", "DELIVERED");

        assertThat(BUFFER.posts()).hasSize(bufferPostsBefore + 1);
        assertThat(AYRSHARE.posts()).hasSize(ayrsharePostsBefore + 1);
        assertThat(BUFFER.posts().get(BUFFER.posts().size() - 1).input().path("metadata").path("tiktok")
                .path("isAiGenerated").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void aBriefForAnUnknownPlatformIsRefusedAtIntakeNamingTheKnownOnes() throws Exception {
        inbox.drop("myspace-teaser.yaml", teaser("myspace-teaser").replace("platforms: [tiktok]",
                "platforms: [tiktok, myspace]"));

        Path report = inbox.failed("myspace-teaser.yaml.error.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("social.platforms[1]").contains("unknown platform 'myspace';"
                + " known platforms: facebook-feed, facebook-reels, instagram-reels, tiktok, youtube-shorts");
    }

    @Test
    @Order(5)
    void aPostOverItsPlatformsRateWaitsForTheWindowWithoutCountingAFailedAttempt() throws Exception {
        inbox.drop("reels-teaser.yaml", teaser("reels-teaser").replace("platforms: [tiktok]",
                "platforms: [instagram-reels]"));
        String id = awaitState("reels-teaser", "AWAITING_REVIEW").path("id").asText();

        rest.postForEntity("/api/jobs/" + id + "/approve", null, JsonNode.class);

        // Buffer takes the one Instagram place of the window; Ayrshare's post waits for the next
        JsonNode waiting = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> job("reels-teaser"), j -> j.path("deliveries").findValuesAsText("error").stream()
                        .anyMatch(error -> error.contains("instagram-reels takes 1 per 4s")));
        assertThat(delivery(waiting, "ayrshare").path("error").asText()).startsWith("waiting until ");
        assertThat(delivery(waiting, "ayrshare").path("attempts").asInt()).isZero();
        JsonNode done = awaitState("reels-teaser", "DELIVERED");
        assertThat(delivery(done, "ayrshare").path("attempts").asInt()).isZero();
        assertThat(AYRSHARE.posts()).filteredOn(p -> p.body().path("idempotencyKey").asText()
                .equals(id + ".ayrshare.instagram-reels")).hasSize(1);
        assertThat(BUFFER.posts()).filteredOn(p -> p.channelId().equals("ch-insta")).hasSize(1);
    }

    @Test
    @Order(6)
    void aProjectConfiguredToPublishWithoutReviewPostsItsRenditionsWithoutWaiting() throws Exception {
        inbox.drop("trusted-teaser.yaml", teaser("trusted-teaser").replace("project: acme-spring",
                "project: trusted-brand"));

        JsonNode done = new HubJobs(rest).awaitState("trusted-brand", "trusted-teaser", "DELIVERED");

        String id = done.path("id").asText();
        assertThat(done.path("history").findValuesAsText("to")).doesNotContain("AWAITING_REVIEW");
        assertThat(REVIEW.resolve("approved/trusted-brand__trusted-teaser__sh010_v001/sh010_v001_tiktok.mp4"))
                .isNotEmptyFile();
        assertThat(AYRSHARE.posts()).filteredOn(p -> p.body().path("idempotencyKey").asText()
                .equals(id + ".ayrshare.tiktok")).singleElement().satisfies(p -> assertThat(p.body()
                .path("tikTokOptions").path("isAIGenerated").asBoolean()).isTrue());
    }

    private static String teaser(String id) throws Exception {
        return Files.readString(Path.of("examples/briefs/social-teaser.yaml"))
                .replace("id: harbour-teaser", "id: " + id)
                .replace("platforms: [tiktok, youtube-shorts]", "platforms: [tiktok]");
    }

    private JsonNode awaitState(String briefId, String state) {
        return new HubJobs(rest).awaitState("acme-spring", briefId, state);
    }

    private JsonNode job(String briefId) {
        return new HubJobs(rest).find("acme-spring", briefId);
    }

    private static JsonNode delivery(JsonNode job, String destination) {
        return HubJobs.delivery(job, destination);
    }
}
