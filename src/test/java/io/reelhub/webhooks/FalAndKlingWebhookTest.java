package io.reelhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.JobTransition;
import io.reelhub.sandbox.FaultSettings;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.sandbox.VideoStatus;
import io.reelhub.sandbox.fal.FalWebhookSigner;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * fal's signed webhooks and Kling's tokenised callbacks, sent by the sandbox as the real services send them. The hub
 * here polls a waiting job only every 5 minutes, so a job finishes within the test only when a verified webhook
 * nudges it; forged, stale and replayed ones change nothing, one that arrives before the submit answer is saved is
 * noted, and without any the regular poll still delivers.
 */
@HubTest
class FalAndKlingWebhookTest {

    private static final String HOME = TempHome.create("fal-kling-webhooks").toString();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("FAL_KEY", () -> "fal-test-key");
        registry.add("reelhub.sandbox.fal.key", () -> "fal-test-key");
        registry.add("reelhub.providers.fal.base-url", () -> "/sandbox/fal");
        registry.add("reelhub.providers.fal.webhook-url", () -> "/webhooks/fal");
        registry.add("reelhub.webhooks.fal.jwks-url", () -> "/sandbox/fal-rest/.well-known/jwks.json");
        registry.add("KLING_ACCESS_KEY", () -> "kling-access");
        registry.add("KLING_SECRET_KEY", () -> "kling-secret");
        registry.add("reelhub.providers.kling.base-url", () -> "/sandbox/kling");
        registry.add("reelhub.providers.kling.callback-url", () -> "/webhooks/kling");
        registry.add("reelhub.dispatch.min-poll-interval", () -> "5m");
        registry.add("reelhub.dispatch.max-poll-interval", () -> "5m");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    BriefIntake intake;
    @Autowired
    JobStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxFaults faults;
    @Autowired
    SandboxCounters counters;
    @Autowired
    FalWebhookSigner falSigner;
    @Autowired
    KlingCallbackTokens klingTokens;
    @Autowired
    SandboxVideoStore sandboxJobs;

    @AfterEach
    void disarm() {
        faults.reset();
    }

    @Test
    void falsSignedWebhookMakesTheHubPollAtOnce() {
        // the job waits in fal's queue long enough for the hub's first poll to find it there
        faults.of("fal").apply(FaultSettings.of(Map.of("throttledJobs", 1, "throttleMillis", 3000)));

        String jobId = submit("seedance-1.0-pro", "{seconds: 5, size: 1280x720}");

        await().atMost(Duration.ofSeconds(90)).until(() -> state(jobId) == JobState.DELIVERED);
        Job job = store.find(jobId).orElseThrow();
        assertThat(job.provider()).isEqualTo("fal");
        assertThat(webhooksSeen("fal", job.providerJobId())).isEqualTo(1);
    }

    @Test
    void aForgedOrTamperedFalWebhookIsRefusedAndChangesNothing() throws Exception {
        Job job = falJobWaitingWithoutItsWebhook("forged");
        Instant dueBefore = due(job);
        byte[] body = falBody(job.providerJobId());
        KeyPair someoneElse = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        long now = Instant.now().getEpochSecond();
        Signature forger = Signature.getInstance("Ed25519");
        forger.initSign(someoneElse.getPrivate());
        forger.update(FalWebhookSignature.message(job.providerJobId(), FalWebhookSigner.USER_ID,
                Long.toString(now), body));

        ResponseEntity<JsonNode> forged = sendFal(body, Map.of(
                "X-Fal-Webhook-Request-Id", job.providerJobId(), "X-Fal-Webhook-User-Id", FalWebhookSigner.USER_ID,
                "X-Fal-Webhook-Timestamp", Long.toString(now),
                "X-Fal-Webhook-Signature", HexFormat.of().formatHex(forger.sign())));
        Map<String, String> genuine = falSigner.headers(job.providerJobId(), now, body);
        ResponseEntity<JsonNode> tampered = sendFal(falBody("another-request"), genuine);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody().path("detail").asText()).contains("matches none of fal's webhook keys");
        assertThat(tampered.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(due(job)).isEqualTo(dueBefore);
        assertThat(webhooksSeen("fal", job.providerJobId())).isZero();
        finishWithAGenuineWebhook(job);
    }

    @Test
    void aStaleFalWebhookIsRefusedEvenWithAGoodSignature() {
        Job job = falJobWaitingWithoutItsWebhook("stale");
        Instant dueBefore = due(job);
        byte[] body = falBody(job.providerJobId());
        long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        ResponseEntity<JsonNode> stale = sendFal(body, falSigner.headers(job.providerJobId(), tenMinutesAgo, body));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(stale.getBody().path("detail").asText()).contains("stale or replayed");
        assertThat(due(job)).isEqualTo(dueBefore);
        finishWithAGenuineWebhook(job);
    }

    @Test
    void aReplayedFalWebhookIsOnlyAcknowledgedAsADuplicate() {
        Job job = falJobWaitingWithoutItsWebhook("replayed");
        byte[] body = falBody(job.providerJobId());
        Map<String, String> headers = falSigner.headers(job.providerJobId(), Instant.now().getEpochSecond(), body);

        ResponseEntity<JsonNode> first = sendFal(body, headers);
        ResponseEntity<JsonNode> again = sendFal(body, headers);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(first.getBody().path("status").asText()).isEqualTo("polling");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("status").asText()).isEqualTo("duplicate");
        await().atMost(Duration.ofSeconds(60)).until(() -> state(job.id()) == JobState.DELIVERED);
        assertThat(webhooksSeen("fal", job.providerJobId())).isEqualTo(1);
    }

    @Test
    void aFalWebhookBeforeTheSubmitAnswerIsSavedIsNotedAndThePollStillDelivers() {
        // fal accepts the job and finishes it while its answer to the submit is still on the way
        faults.of("fal").apply(FaultSettings.of(Map.of("slowSubmits", 1, "responseDelayMillis", 5000)));
        long paid = counters.snapshot().paidSubmissions("fal");

        String jobId = submit("seedance-1.0-pro", "{seconds: 5, size: 1280x720}");

        await().atMost(Duration.ofSeconds(90)).until(() -> state(jobId) == JobState.DELIVERED);
        Job job = store.find(jobId).orElseThrow();
        Instant webhookAt = jdbc.queryForObject("select received_at from webhook_events where provider = 'fal'"
                + " and webhook_id = ?", OffsetDateTime.class, job.providerJobId()).toInstant();
        Instant savedAt = store.history(jobId).stream().filter(t -> t.to() == JobState.SUBMITTED)
                .map(JobTransition::at).findFirst().orElseThrow();
        assertThat(webhookAt).isBefore(savedAt);
        assertThat(counters.snapshot().paidSubmissions("fal") - paid).isEqualTo(1);
    }

    @Test
    void withoutAnyWebhookTheRegularPollStillDelivers() {
        Job job = falJobWaitingWithoutItsWebhook("never-arrives");
        assertThat(state(job.id())).as("nothing nudged it").isIn(JobState.SUBMITTED, JobState.RENDERING);

        // the five minutes to the next regular poll pass
        jdbc.update("update jobs set next_action_at = ? where id = ?", OffsetDateTime.now(ZoneOffset.UTC), job.id());

        await().atMost(Duration.ofSeconds(60)).until(() -> state(job.id()) == JobState.DELIVERED);
        assertThat(webhooksSeen("fal", job.providerJobId())).isZero();
    }

    @Test
    void klingsCallbackWithTheJobsTokenMakesTheHubAskKlingAtOnce() {
        faults.of("kling").apply(FaultSettings.of(Map.of("throttledJobs", 1, "throttleMillis", 3000)));

        String jobId = submit("kling-2.1", "{seconds: 5, size: 1920x1080}");

        await().atMost(Duration.ofSeconds(90)).until(() -> state(jobId) == JobState.DELIVERED);
        Job job = store.find(jobId).orElseThrow();
        assertThat(job.provider()).isEqualTo("kling");
        assertThat(jdbc.queryForObject("select count(*) from webhook_events where provider = 'kling'"
                + " and webhook_id like ?", Integer.class, job.submitKey() + ":succeed:%")).isEqualTo(1);
    }

    @Test
    void aKlingCallbackWithoutItsJobsTokenIsRefusedAndChangesNothing() {
        faults.of("kling").apply(FaultSettings.of(Map.of("throttledJobs", 1, "throttleMillis", 3000,
                "droppedWebhooks", 1)));
        String jobId = submit("kling-2.1", "{seconds: 5, size: 1920x1080}");
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting(jobId));
        Job job = store.find(jobId).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> finishedAtTheProvider(job));
        Instant dueBefore = due(job);
        String body = "{\"task_id\":\"" + job.providerJobId() + "\",\"task_status\":\"succeed\",\"updated_at\":1}";

        ResponseEntity<JsonNode> wrong = sendKling("job=" + job.submitKey() + "&token=not-the-token", body);
        ResponseEntity<JsonNode> missing = sendKling("job=" + job.submitKey(), body);
        ResponseEntity<JsonNode> othersToken = sendKling("job=" + job.submitKey() + "&token="
                + klingTokens.tokenFor("some-other-job"), body);

        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getBody().path("detail").asText()).doesNotContain("not-the-token");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(othersToken.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(due(job)).isEqualTo(dueBefore);

        ResponseEntity<JsonNode> genuine = sendKling("job=" + job.submitKey() + "&token="
                + klingTokens.tokenFor(job.submitKey()), body);
        assertThat(genuine.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(sendKling("job=" + job.submitKey() + "&token=" + klingTokens.tokenFor(job.submitKey()), body)
                .getBody().path("status").asText()).isEqualTo("duplicate");
        await().atMost(Duration.ofSeconds(60)).until(() -> state(jobId) == JobState.DELIVERED);
    }

    @Test
    void aKlingCallbackBeforeTheSubmitAnswerIsSavedIsNotedAndThePollStillDelivers() {
        faults.of("kling").apply(FaultSettings.of(Map.of("slowSubmits", 1, "responseDelayMillis", 5000)));

        String jobId = submit("kling-2.1", "{seconds: 5, size: 1920x1080}");

        await().atMost(Duration.ofSeconds(90)).until(() -> state(jobId) == JobState.DELIVERED);
        Job job = store.find(jobId).orElseThrow();
        Instant callbackAt = jdbc.queryForObject("select received_at from webhook_events where provider = 'kling'"
                + " and webhook_id like ?", OffsetDateTime.class, job.submitKey() + ":%").toInstant();
        Instant savedAt = store.history(jobId).stream().filter(t -> t.to() == JobState.SUBMITTED)
                .map(JobTransition::at).findFirst().orElseThrow();
        assertThat(callbackAt).isBefore(savedAt);
    }

    /**
     * A fal job finished at the provider, whose webhook the sandbox lost, waiting for a poll 5 minutes away (once
     * the provider finished it, so no webhook of it can reach a later test).
     */
    private Job falJobWaitingWithoutItsWebhook(String name) {
        faults.of("fal").apply(FaultSettings.of(Map.of("throttledJobs", 1, "throttleMillis", 3000,
                "droppedWebhooks", 1)));
        String jobId = submit("seedance-1.0-pro", "{seconds: 5, size: 1280x720}");
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting(jobId));
        Job job = store.find(jobId).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> finishedAtTheProvider(job));
        return job;
    }

    /** What fal would have sent: signed by the sandbox's key, now. */
    private void finishWithAGenuineWebhook(Job job) {
        byte[] body = falBody(job.providerJobId());
        ResponseEntity<JsonNode> genuine = sendFal(body, falSigner.headers(job.providerJobId(),
                Instant.now().getEpochSecond(), body));
        assertThat(genuine.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> state(job.id()) == JobState.DELIVERED);
    }

    private boolean finishedAtTheProvider(Job job) {
        return sandboxJobs.find(job.providerJobId()).map(v -> v.status() == VideoStatus.COMPLETED).orElse(false);
    }

    private String submit(String model, String params) {
        String id = "wh-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] brief = """
                brief: 1
                id: %s
                project: webhooks
                stage: post-production
                model: %s
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: %s
                """.formatted(id, model, params).getBytes(StandardCharsets.UTF_8);
        IntakeOutcome outcome = intake.accept(brief, id + ".yaml", "test");
        assertThat(outcome.status()).as(String.valueOf(outcome.errors())).isEqualTo(IntakeOutcome.Status.ACCEPTED);
        return outcome.jobId();
    }

    private static byte[] falBody(String requestId) {
        return ("{\"request_id\":\"" + requestId + "\",\"gateway_request_id\":\"" + requestId
                + "\",\"status\":\"OK\",\"payload\":{\"video\":{\"url\":\"https://example.com/x.mp4\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> sendFal(byte[] body, Map<String, String> headers) {
        HttpHeaders http = new HttpHeaders();
        http.setContentType(MediaType.APPLICATION_JSON);
        headers.forEach(http::set);
        return rest.exchange("/webhooks/fal", HttpMethod.POST, new HttpEntity<>(body, http), JsonNode.class);
    }

    private ResponseEntity<JsonNode> sendKling(String query, String body) {
        HttpHeaders http = new HttpHeaders();
        http.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange("/webhooks/kling?" + query, HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), http), JsonNode.class);
    }

    /** Submitted, its provider id saved, and its next poll minutes away. */
    private boolean waiting(String jobId) {
        Job job = store.find(jobId).orElseThrow();
        return (job.state() == JobState.SUBMITTED || job.state() == JobState.RENDERING) && job.providerJobId() != null
                && job.nextActionAt() != null && job.nextActionAt().isAfter(Instant.now().plusSeconds(60));
    }

    private int webhooksSeen(String provider, String id) {
        return jdbc.queryForObject("select count(*) from webhook_events where provider = ? and webhook_id = ?",
                Integer.class, provider, id);
    }

    private Instant due(Job job) {
        return store.find(job.id()).orElseThrow().nextActionAt();
    }

    private JobState state(String jobId) {
        return store.find(jobId).orElseThrow().state();
    }
}
