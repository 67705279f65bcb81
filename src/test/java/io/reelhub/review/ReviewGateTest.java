package io.reelhub.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

import io.reelhub.support.HubJobs;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/**
 * Social clips wait for a human: nothing reaches a destination before an approval, by REST or by moving the review
 * folder; a rejection ends the job with nothing delivered; a project configured to publish without review does.
 */
@HubTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewGateTest {

    private static final Path HOME = TempHome.create("review-gate");
    private static final Path REVIEW = HOME.resolve("review");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.review.auto-approve-projects", () -> "trusted-brand");
        registry.add("reelhub.review.folder-scan-interval", () -> "200ms");
    }

    @Autowired
    TestRestTemplate rest;

    private final Inbox inbox = new Inbox(HOME);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void aSocialClipWaitsInReviewAndReachesNoDestinationUntilApproved() throws Exception {
        inbox.drop("approved-harbour.yaml", social("acme-spring", "approved-harbour"));

        JsonNode job = awaitState("acme-spring", "approved-harbour", "AWAITING_REVIEW");
        Path folder = REVIEW.resolve("acme-spring__approved-harbour__sh010_v001");
        assertThat(folder.resolve("sh010.mp4")).isNotEmptyFile();
        JsonNode manifest = json.readTree(folder.resolve("review.json").toFile());
        assertThat(manifest.path("job_id").asText()).isEqualTo(job.path("id").asText());
        assertThat(manifest.path("reason").asText()).contains("quality check passed").contains("human approval");
        assertThat(manifest.path("files")).extracting(JsonNode::asText).containsExactly("sh010.mp4");
        assertThat(manifest.path("decide").asText()).contains("review/approved/").contains("/approve");
        Thread.sleep(600); // several pump ticks: a held job must stay held
        assertThat(job("acme-spring", "approved-harbour").path("state").asText()).isEqualTo("AWAITING_REVIEW");
        assertThat(HOME.resolve("bins/acme-spring/approved-harbour")).doesNotExist();

        ResponseEntity<JsonNode> approved = rest.postForEntity("/api/jobs/" + job.path("id").asText() + "/approve",
                java.util.Map.of("by", "producer@acme.example", "note", "ship it"), JsonNode.class);

        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().path("state").asText()).isEqualTo("DELIVERING");
        assertThat(REVIEW.resolve("approved/acme-spring__approved-harbour__sh010_v001/sh010.mp4")).exists();
        assertThat(folder).doesNotExist();
        JsonNode delivered = awaitState("acme-spring", "approved-harbour", "DELIVERED");
        assertThat(HOME.resolve("bins/acme-spring/approved-harbour/sh010_v001.mp4")).exists();
        assertThat(delivered.path("history").findValuesAsText("reason"))
                .anySatisfy(r -> assertThat(r).startsWith("approved by producer@acme.example: ship it"));
    }

    @Test
    @Order(2)
    void aDecisionOnAJobThatIsNotWaitingIsAConflictNamingItsState() {
        String id = job("acme-spring", "approved-harbour").path("id").asText();

        ResponseEntity<JsonNode> again = rest.postForEntity("/api/jobs/" + id + "/reject", null, JsonNode.class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(again.getBody().path("state").asText()).isEqualTo("DELIVERED");
        assertThat(again.getBody().path("detail").asText()).contains("it is DELIVERED, not AWAITING_REVIEW");
        assertThat(rest.postForEntity("/api/jobs/no-such-job/approve", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(3)
    void movingTheFolderIntoRejectedEndsTheJobWithTheReviewersNoteAndDeliversNothing() throws Exception {
        inbox.drop("rejected-harbour.yaml", social("acme-spring", "rejected-harbour"));
        awaitState("acme-spring", "rejected-harbour", "AWAITING_REVIEW");
        Path folder = REVIEW.resolve("acme-spring__rejected-harbour__sh010_v001");
        Files.writeString(folder.resolve("note.txt"), "The gulls look like drones\n");

        Files.move(folder, REVIEW.resolve("rejected").resolve(folder.getFileName()));

        JsonNode job = awaitState("acme-spring", "rejected-harbour", "REJECTED");
        assertThat(job.path("error").asText()).startsWith("rejected in review by folder: The gulls look like drones");
        Thread.sleep(600);
        assertThat(HOME.resolve("bins/acme-spring/rejected-harbour")).doesNotExist();
        assertThat(job.path("deliveries")).isEmpty();
    }

    @Test
    @Order(4)
    void movingTheFolderIntoApprovedDeliversIt() throws Exception {
        inbox.drop("moved-harbour.yaml", social("acme-spring", "moved-harbour"));
        awaitState("acme-spring", "moved-harbour", "AWAITING_REVIEW");
        Path folder = REVIEW.resolve("acme-spring__moved-harbour__sh010_v001");

        Files.move(folder, REVIEW.resolve("approved").resolve(folder.getFileName()));

        JsonNode job = awaitState("acme-spring", "moved-harbour", "DELIVERED");
        assertThat(job.path("history").findValuesAsText("reason")).anySatisfy(r -> assertThat(r)
                .startsWith("approved by folder"));
        assertThat(HOME.resolve("bins/acme-spring/moved-harbour/sh010_v001.mp4")).exists();
    }

    @Test
    @Order(5)
    void aProjectConfiguredToPublishWithoutReviewIsNotHeld() throws Exception {
        inbox.drop("trusted-harbour.yaml", social("trusted-brand", "trusted-harbour"));

        JsonNode job = awaitState("trusted-brand", "trusted-harbour", "DELIVERED");

        assertThat(job.path("history").findValuesAsText("to")).doesNotContain("AWAITING_REVIEW");
        assertThat(REVIEW.resolve("trusted-brand__trusted-harbour__sh010_v001")).doesNotExist();
        // made as for a reviewer, straight in approved/, where publishing destinations take approved files from
        assertThat(REVIEW.resolve("approved/trusted-brand__trusted-harbour__sh010_v001/sh010.mp4")).isNotEmptyFile();
        assertThat(job.path("history").findValuesAsText("reason")).noneSatisfy(r -> assertThat(r)
                .startsWith("approved by"));
    }

    @Test
    @Order(6)
    void aJobsDeliveredAndReviewFilesAreServedByNameAndNothingElse() throws Exception {
        String id = job("acme-spring", "approved-harbour").path("id").asText();
        Path clip = HOME.resolve("bins/acme-spring/approved-harbour/sh010_v001.mp4");

        ResponseEntity<byte[]> delivered = rest.getForEntity("/api/jobs/" + id + "/outputs/sh010_v001.mp4",
                byte[].class);
        ResponseEntity<byte[]> reviewed = rest.getForEntity("/api/jobs/" + id + "/outputs/sh010.mp4", byte[].class);
        ResponseEntity<JsonNode> missing = rest.getForEntity("/api/jobs/" + id + "/outputs/review.json",
                JsonNode.class);
        ResponseEntity<JsonNode> escape = rest.getForEntity("/api/jobs/" + id + "/outputs/..%2F..%2Fjobs.mv.db",
                JsonNode.class);

        assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delivered.getHeaders().getContentType()).hasToString("video/mp4");
        assertThat(delivered.getBody()).isEqualTo(Files.readAllBytes(clip));
        assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reviewed.getBody()).isEqualTo(Files.readAllBytes(clip));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().path("outputs")).extracting(JsonNode::asText)
                .contains("sh010_v001.mp4", "sh010_v001.otio", "sh010_v001.reelhub.json", "sh010.mp4")
                .doesNotContain("review.json");
        assertThat(escape.getStatusCode().is4xxClientError()).isTrue();
    }

    @Test
    @Order(7)
    void aBriefWithSeveralShotsWaitsAsAWholeAndItsParentDecidesForTheShotsStillWaiting() throws Exception {
        inbox.drop("two-shots.yaml", Files.readString(Path.of("examples/briefs/two-shots.yaml"))
                .replace("stage: post-production", "stage: social") + "destinations: [editing-bin]\n");
        JsonNode parent = awaitState("acme-spring", "neon-street-two-shots", "AWAITING_REVIEW");
        assertThat(parent.path("children")).hasSize(2).allSatisfy(child -> assertThat(child.path("state").asText())
                .isEqualTo("AWAITING_REVIEW"));
        assertThat(parent.path("error").isNull() || parent.path("error").isMissingNode()).isTrue();
        String first = parent.path("children").get(0).path("id").asText();

        ResponseEntity<JsonNode> rejected = rest.postForEntity("/api/jobs/" + first + "/reject",
                java.util.Map.of("note", "wrong street"), JsonNode.class);
        ResponseEntity<JsonNode> approved = rest.postForEntity("/api/jobs/" + parent.path("id").asText()
                + "/approve", null, JsonNode.class);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode ended = awaitState("acme-spring", "neon-street-two-shots", "FAILED");
        assertThat(ended.path("children")).extracting(child -> child.path("state").asText())
                .containsExactlyInAnyOrder("REJECTED", "DELIVERED");
        assertThat(ended.path("error").asText()).isEqualTo("1 of 2 generations delivered");
        assertThat(HOME.resolve("bins/acme-spring/neon-street-two-shots")).isDirectoryContaining(
                p -> p.getFileName().toString().equals("sh020_v001.mp4"));
        assertThat(HOME.resolve("bins/acme-spring/neon-street-two-shots/sh010_v001.mp4")).doesNotExist();
        ResponseEntity<JsonNode> again = rest.postForEntity("/api/jobs/" + parent.path("id").asText()
                + "/approve", null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @Order(8)
    void foldersAReviewerMadeByHandThatNameNoWaitingJobAreLeftAloneAndDoNotStopTheOthers() throws Exception {
        Path garbled = Files.createDirectories(REVIEW.resolve("approved/garbled"));
        Files.writeString(garbled.resolve("review.json"), "{not json");
        Path ghost = Files.createDirectories(REVIEW.resolve("rejected/ghost"));
        Files.writeString(ghost.resolve("review.json"), "{\"job_id\": \"job-that-never-was\"}");
        inbox.drop("after-garbage.yaml", social("acme-spring", "after-garbage"));
        awaitState("acme-spring", "after-garbage", "AWAITING_REVIEW");
        Path folder = REVIEW.resolve("acme-spring__after-garbage__sh010_v001");

        Files.move(folder, REVIEW.resolve("approved").resolve(folder.getFileName()));

        awaitState("acme-spring", "after-garbage", "DELIVERED");
        assertThat(garbled.resolve("review.json")).hasContent("{not json");
        assertThat(ghost.resolve("review.json")).exists();
    }

    private static String social(String project, String id) {
        return SampleBriefs.harbour(project, id).replace("stage: post-production", "stage: social")
                + "destinations: [editing-bin]\n";
    }

    private JsonNode awaitState(String project, String briefId, String state) {
        return new HubJobs(rest).awaitState(project, briefId, state);
    }

    private JsonNode job(String project, String briefId) {
        return new HubJobs(rest).find(project, briefId);
    }
}
