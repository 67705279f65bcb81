package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.replicate.ReplicateClient;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.media.MediaProbe;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * The Replicate connector end to end through the pump, against the embedded sandbox's Replicate protocol. With only
 * a Replicate token set, Veo briefs go to {@code google/veo-3.1} there.
 */
@HubTest
@TestPropertySource(properties = {
        "reelhub.providers.replicate.api-token=r8_test_token",
        "reelhub.providers.replicate.base-url=/sandbox/replicate/v1",
        "reelhub.providers.replicate.timeout=3s",
        "reelhub.providers.replicate.download-timeout=10s",
        "reelhub.providers.replicate.cancel-after=30m"})
class ReplicateConnectorTest extends ConnectorJourneys {

    private static final String HOME = TempHome.create("replicate-connector").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Autowired
    LocalServer local;
    @Autowired
    ProviderHttp http;
    @Autowired
    MediaProbe probe;

    @TempDir
    Path downloads;

    @Override
    String protocol() {
        return ReplicateClient.NAME;
    }

    @Test
    void aVeoBriefRunsOnReplicatesOfficialModelAndIsDeliveredForOnePaidPrediction() {
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.provider()).isEqualTo("replicate");
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(counters.snapshot().protocolSubmissions().get("replicate")).containsKey("google/veo-3.1");
    }

    @Test
    void aSeedanceBriefUsesItsOwnInputFields() {
        long paid = paid();

        Job job = runToEnd(submit("seedance-1.0-pro", "{seconds: 5, aspect: \"16:9\", resolution: 720p, seed: 7}"));

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(counters.snapshot().protocolSubmissions().get("replicate"))
                .containsKey("bytedance/seedance-1-pro");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aPinnedVersionRunsThroughThePredictionsEndpointAndCanBeCancelled() throws Exception {
        String version = "google/veo-3.1:" + "5a".repeat(32);
        ReplicateClient pinned = new ReplicateClient(local.baseUrl("/sandbox/replicate/v1"), "r8_test_token",
                spec -> version, http, new ObjectMapper(),
                new ReplicateClient.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 0, "30m"));
        GenerationSpec spec = new GenerationSpec("sh010", "veo-3.1", version, "A pinned kite", 4, 1280, 720, 3L, null,
                true, BigDecimal.ONE);

        String id = pinned.submit(spec, "unused");
        await().atMost(Duration.ofSeconds(60)).until(() -> pinned.poll(id).phase() == RenderStatus.Phase.SUCCEEDED);
        Path clip = downloads.resolve("pinned.mp4");
        long bytes = pinned.download(id, clip);

        assertThat(bytes).isPositive();
        assertThat(probe.probe(clip).videoCodec()).isEqualTo("h264");
        // cancelling a finished prediction is harmless; the endpoint answers and the prediction stays succeeded
        pinned.cancel(id);
        assertThat(pinned.poll(id).phase()).isEqualTo(RenderStatus.Phase.SUCCEEDED);
    }

    @Test
    void aFailedPredictionFailsTheJobWithReplicatesError() {
        arm("{\"failedJobs\":1,\"failedJobMessage\":\"CUDA out of memory\"}");

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).isEqualTo("failed: CUDA out of memory");
    }

    @Test
    void aFlaggedOutputIsAContentPolicyFailure() {
        arm("{\"filteredJobs\":1}");
        long billed = billedSeconds();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("content_policy").contains("E005");
        assertThat(billedSeconds() - billed).isZero();
    }

    @Test
    void aCanceledPredictionFailsTheJobAndSaysWhy() {
        arm("{\"canceledJobs\":1}");

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("canceled").contains("Cancel-After deadline of 30m");
    }

    @Test
    void aThrottledSubmitWaitsForRetryAfterAndIsPaidOnce() {
        arm("{\"rateLimitedSubmits\":2,\"retryAfterSeconds\":1}");
        long paid = paid();
        long refused = rejected(429);

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(rejected(429) - refused).isEqualTo(2);
    }

    @Test
    void serverErrorsOnSubmitAreRetriedWithoutASecondPaidPrediction() {
        arm("{\"failingSubmits\":2,\"failingSubmitStatus\":502}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aSubmitThatTimesOutIsFoundInTheListAndAdoptedNotPaidTwice() {
        arm("{\"slowSubmits\":1,\"responseDelayMillis\":4500}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(history(job.id())).contains("adopted replicate job");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aMalformedSubmitAnswerIsReconciledFromTheList() {
        arm("{\"malformedSubmits\":1}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(history(job.id())).contains("adopted replicate job");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void slowAndMalformedPollsAreSimplyPolledAgain() {
        arm("{\"slowPolls\":1,\"responseDelayMillis\":4500,\"malformedPolls\":1,\"failingPolls\":1}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(faults.of(protocol()).remaining().slowPolls()).isZero();
        assertThat(faults.of(protocol()).remaining().malformedPolls()).isZero();
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void anOutputRemovedBeforeTheDownloadFailsTheJobAndIsNeverGeneratedAgain() {
        arm("{\"expiredDownloads\":1}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("no longer has the output").contains("not re-run");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aTruncatedDownloadIsDownloadedAgainNeverGeneratedAgain() {
        arm("{\"truncatedDownloads\":1,\"truncateAfterBytes\":4096}");
        long paid = paid();
        long truncated = counters.snapshot().downloads().truncated();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(counters.snapshot().downloads().truncated() - truncated).isEqualTo(1);
        assertThat(paid() - paid).isEqualTo(1);
    }
}
