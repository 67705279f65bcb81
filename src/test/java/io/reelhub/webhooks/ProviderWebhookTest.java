package io.reelhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.reelhub.intake.BriefIntake;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.support.HubTest;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/**
 * The provider asks to be polled only every 30 s here, so a job finishes quickly only when a verified webhook nudges
 * it; forged, stale and replayed webhooks change nothing, and without any webhook the poll still delivers.
 */
@HubTest
@TestPropertySource(properties = {"reelhub.sandbox.poll-after=30s", "reelhub.webhooks.providers.sandbox.secret="
        + ProviderWebhookTest.SECRET})
class ProviderWebhookTest {

    static final String SECRET = "whsec_c2VjcmV0LWZvci13ZWJob29rLXRlc3RzLTAxMjM0NTY3";
    private static final String HOME = TempHome.create("webhooks").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    BriefIntake intake;
    @Autowired
    JobStore store;

    private final StandardWebhookSignature signer = new StandardWebhookSignature(SECRET);

    @Test
    void aVerifiedWebhookMakesTheHubPollAtOnceInsteadOfWaitingForItsTurn() {
        Job job = renderedAndWaiting("nudged");

        ResponseEntity<JsonNode> answer = send(completed(job.providerJobId()), "evt_" + UUID.randomUUID(),
                Instant.now(), true);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody().path("status").asText()).isEqualTo("polling");
        await().atMost(Duration.ofSeconds(15)).until(() -> state(job) == JobState.DELIVERED);
    }

    @Test
    void aForgedOrStaleWebhookIsRefusedAndChangesNothing() {
        Job job = renderedAndWaiting("forged");
        Instant dueBefore = store.find(job.id()).orElseThrow().nextActionAt();

        ResponseEntity<JsonNode> forged = send(completed(job.providerJobId()), "evt_forged", Instant.now(), false);
        ResponseEntity<JsonNode> stale = send(completed(job.providerJobId()), "evt_stale",
                Instant.now().minus(Duration.ofMinutes(10)), true);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody().path("detail").asText()).contains("signature");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(stale.getBody().path("detail").asText()).contains("stale");
        assertThat(store.find(job.id()).orElseThrow().nextActionAt()).isEqualTo(dueBefore);
    }

    @Test
    void aReplayedWebhookIsAcknowledgedAsADuplicateOnly() {
        String id = "evt_" + UUID.randomUUID();
        byte[] body = completed("video_unknown").getBytes(StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> first = send(new String(body, StandardCharsets.UTF_8), id, Instant.now(), true);
        ResponseEntity<JsonNode> again = send(new String(body, StandardCharsets.UTF_8), id, Instant.now(), true);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("status").asText()).isEqualTo("duplicate");
    }

    @Test
    void aWebhookForAJobWhoseSubmitAnswerIsNotSavedYetIsNotedAndThePollStillDelivers() {
        ResponseEntity<JsonNode> early = send(completed("video_not_saved_yet"), "evt_" + UUID.randomUUID(),
                Instant.now(), true);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(early.getBody().path("status").asText()).isEqualTo("noted");

        Job job = renderedAndWaiting("never-nudged");
        await().atMost(Duration.ofSeconds(60)).until(() -> state(job) == JobState.DELIVERED);
    }

    private Job renderedAndWaiting(String briefId) {
        String jobId = intake.accept(SampleBriefs.harbourBytes("webhooks", briefId), "w.yaml", "test").jobId();
        // submitted: the provider's id is known, and the next poll is up to 30 s away
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting(state(jobId))
                && store.find(jobId).orElseThrow().providerJobId() != null);
        Job job = store.find(jobId).orElseThrow();
        HttpHeaders auth = new HttpHeaders();
        auth.setBearerAuth("sandbox");
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(rest.exchange(
                "/sandbox/openai/v1/videos/" + job.providerJobId(), HttpMethod.GET, new HttpEntity<>(auth),
                JsonNode.class).getBody().path("status").asText()));
        assertThat(waiting(state(jobId))).as("still waiting for its next poll").isTrue();
        return store.find(jobId).orElseThrow();
    }

    private ResponseEntity<JsonNode> send(String body, String id, Instant at, boolean signedWithTheSecret) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        String signature = signedWithTheSecret ? signer.sign(id, timestamp, raw)
                : new StandardWebhookSignature("whsec_" + Base64.getEncoder().encodeToString(
                        "someone-else".getBytes(StandardCharsets.UTF_8))).sign(id, timestamp, raw);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("webhook-id", id);
        headers.set("webhook-timestamp", Long.toString(timestamp));
        headers.set("webhook-signature", signature);
        return rest.exchange("/webhooks/sandbox", HttpMethod.POST, new HttpEntity<>(raw, headers), JsonNode.class);
    }

    private static String completed(String videoId) {
        return "{\"id\":\"evt_x\",\"object\":\"event\",\"type\":\"video.completed\",\"created_at\":1,"
                + "\"data\":{\"id\":\"" + videoId + "\"}}";
    }

    private static boolean waiting(JobState state) {
        return state == JobState.SUBMITTED || state == JobState.RENDERING;
    }

    private JobState state(Job job) {
        return state(job.id());
    }

    private JobState state(String jobId) {
        return store.find(jobId).orElseThrow().state();
    }
}
