package io.reelhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

import io.reelhub.support.HubJobs;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.TempHome;
import io.reelhub.support.WebhookReceiver;

/**
 * Post-production feeds two destinations, the editing bin and a webhook. The webhook is down: its delivery is
 * retried, then parked with its reason, while the bin gets the clip. Once the webhook is back, a retry delivers
 * the parked notice and nothing else is sent twice.
 */
@HubTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParkedDeliveryTest {

    private static final Path HOME = TempHome.create("parked-delivery");
    private static final WebhookReceiver WEBHOOK = WebhookReceiver.start();
    private static final Path BIN = HOME.resolve("bins/acme-spring/parked-street");
    /** The clip's files, then the brief's timeline (a brief of one clip is complete with it). */
    private static final String[] BIN_OUTPUTS = {"sh010_v001.mp4", "sh010_v001.otio", "sh010_v001.reelhub.json",
            "parked-street_v001.fcpxml", "parked-street_v001.otio", "parked-street_v001.ale",
            "parked-street_v001.edl"};

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.stages.post-production.destinations", () -> "editing-bin,webhook");
        registry.add("reelhub.destinations.webhook.url", () -> WEBHOOK.url("/hooks/reelhub"));
        registry.add("reelhub.delivery.max-attempts", () -> "2");
    }

    @AfterAll
    static void stopWebhook() {
        WEBHOOK.close();
    }

    @Autowired
    TestRestTemplate rest;

    private final Inbox inbox = new Inbox(HOME);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void aDestinationThatIsDownIsParkedWithItsReasonWhileTheOtherIsDelivered() throws Exception {
        WEBHOOK.answer(503);
        inbox.drop("parked-street.yaml", brief("parked-street", ""));

        JsonNode job = await().atMost(Duration.ofSeconds(60)).until(() -> job("parked-street"),
                j -> j != null && j.path("state").asText().equals("PARKED"));

        JsonNode bin = delivery(job, "editing-bin");
        assertThat(bin.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(fileNames(bin.path("outputs"))).containsExactly(BIN_OUTPUTS);
        assertThat(BIN.resolve("sh010_v001.mp4")).exists();
        JsonNode hook = delivery(job, "webhook");
        assertThat(hook.path("state").asText()).isEqualTo("PARKED");
        assertThat(hook.path("attempts").asInt()).isEqualTo(2);
        assertThat(hook.path("error").asText()).startsWith("parked after 2 failed attempts: POST to http://127.0.0.1:")
                .endsWith("answered 503: service unavailable").doesNotContain("/hooks/reelhub");
        assertThat(job.path("error").asText()).contains("webhook").contains("/retry");
        assertThat(fileNames(job.path("outputs"))).containsExactly(BIN_OUTPUTS);
        assertThat(WEBHOOK.requests()).hasSize(2);
    }

    @Test
    @Order(2)
    void aRetryAfterTheDestinationRecoversDeliversOnlyTheParkedDelivery() throws Exception {
        JsonNode parked = job("parked-street");
        String binDeliveredAt = delivery(parked, "editing-bin").path("deliveredAt").asText();
        byte[] sidecar = Files.readAllBytes(BIN.resolve("sh010_v001.reelhub.json"));
        WEBHOOK.answer(200);

        ResponseEntity<JsonNode> retry = rest.postForEntity("/api/jobs/" + parked.path("id").asText() + "/retry",
                null, JsonNode.class);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(retry.getBody().path("state").asText()).isEqualTo("DELIVERING");
        assertThat(delivery(retry.getBody(), "webhook").path("state").asText()).isEqualTo("PENDING");
        JsonNode job = await().atMost(Duration.ofSeconds(30)).until(() -> job("parked-street"),
                j -> j.path("state").asText().equals("DELIVERED"));
        assertThat(delivery(job, "webhook").path("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivery(job, "editing-bin").path("deliveredAt").asText()).isEqualTo(binDeliveredAt);
        assertThat(Files.readAllBytes(BIN.resolve("sh010_v001.reelhub.json"))).isEqualTo(sidecar);
        assertThat(job.path("history").findValuesAsText("to")).containsSubsequence("DELIVERING", "PARKED",
                "DELIVERING", "DELIVERED");

        assertThat(WEBHOOK.requests()).hasSize(3);
        WebhookReceiver.Request delivered = WEBHOOK.requests().get(2);
        JsonNode notice = json.readTree(delivered.body());
        assertThat(notice.path("job_id").asText()).isEqualTo(job.path("id").asText());
        assertThat(fileNames(notice.path("outputs"))).containsExactly(BIN_OUTPUTS);
        assertThat(notice.path("lineage").path("ai_generated").asBoolean()).isTrue();
        assertThat(delivered.header("webhook-id")).isEqualTo(job.path("id").asText() + ".webhook");
        assertThat(WEBHOOK.requests()).extracting(r -> r.header("webhook-id")).containsOnly(delivered.header(
                "webhook-id"));
    }

    @Test
    @Order(3)
    void aJobThatIsNotParkedCannotBeRetried() {
        String id = job("parked-street").path("id").asText();

        ResponseEntity<JsonNode> retry = rest.postForEntity("/api/jobs/" + id + "/retry", null, JsonNode.class);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(retry.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(retry.getBody().path("state").asText()).isEqualTo("DELIVERED");
        assertThat(retry.getBody().path("detail").asText()).contains("is DELIVERED")
                .contains("only a job whose deliveries are parked can be retried");
        assertThat(WEBHOOK.requests()).hasSize(3);
        assertThat(rest.postForEntity("/api/jobs/no-such-job/retry", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(4)
    void aBriefNamingAnUnknownDestinationIsRejectedWithTheKnownOnes() throws Exception {
        inbox.drop("printed-street.yaml", brief("printed-street", "destinations: [editing-bin, printer]\n"));

        Path report = inbox.failed("printed-street.yaml.error.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("destinations[1]")
                .contains("unknown destination 'printer'; known destinations: concept-board, editing-bin,"
                        + " reference-folder, social-outbox, storyboard-folder, webhook");
    }

    @Test
    @Order(5)
    void aMultiShotBriefIsParkedWhenItsShotsAreAndOneRetryOfTheParentRetriesThemAll() throws Exception {
        WEBHOOK.answer(503);
        inbox.drop("two-shots.yaml", Files.readString(Path.of("examples/briefs/two-shots.yaml")));

        JsonNode parent = await().atMost(Duration.ofSeconds(90)).until(() -> job("neon-street-two-shots"),
                j -> j != null && j.path("state").asText().equals("PARKED"));
        assertThat(parent.path("children")).hasSize(2).allSatisfy(child -> {
            assertThat(child.path("state").asText()).isEqualTo("PARKED");
            assertThat(delivery(child, "editing-bin").path("state").asText()).isEqualTo("DELIVERED");
            assertThat(delivery(child, "webhook").path("state").asText()).isEqualTo("PARKED");
        });
        assertThat(parent.path("error").asText()).contains("0 of 2 generations delivered, 2 parked");
        int before = WEBHOOK.requests().size();
        WEBHOOK.answer(200);

        ResponseEntity<JsonNode> retry = rest.postForEntity("/api/jobs/" + parent.path("id").asText() + "/retry",
                null, JsonNode.class);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode delivered = await().atMost(Duration.ofSeconds(30)).until(() -> job("neon-street-two-shots"),
                j -> j.path("state").asText().equals("DELIVERED"));
        assertThat(delivered.path("children").findValuesAsText("state")).containsOnly("DELIVERED");
        assertThat(WEBHOOK.requests()).hasSize(before + 2);
    }

    private static String brief(String id, String destinations) throws Exception {
        return Files.readString(Path.of("examples/briefs/neon-street.yaml"))
                .replace("id: neon-street", "id: " + id)
                .replace("destinations: [editing-bin]\n", destinations);
    }

    private JsonNode job(String briefId) {
        return new HubJobs(rest).find("acme-spring", briefId);
    }

    private static JsonNode delivery(JsonNode job, String destination) {
        return HubJobs.delivery(job, destination);
    }

    private static List<String> fileNames(JsonNode outputs) {
        List<String> names = new ArrayList<>();
        outputs.forEach(output -> names.add(Path.of(output.asText()).getFileName().toString()));
        return names;
    }
}
