package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.reelhub.dispatch.gemini.GeminiVeoClient;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * The Gemini API Veo connector end to end through the pump, against the embedded sandbox's Gemini protocol: every
 * job ends DELIVERED or FAILED with a reason a user understands, and the sandbox counts the paid submissions.
 */
@HubTest
@TestPropertySource(properties = {
        "reelhub.providers.gemini.api-key=gemini-test-key",
        "reelhub.providers.gemini.base-url=/sandbox/gemini/v1beta",
        "reelhub.providers.gemini.timeout=3s",
        "reelhub.providers.gemini.download-timeout=10s"})
class GeminiConnectorTest extends ConnectorJourneys {

    private static final String HOME = TempHome.create("gemini-connector").toString();
    private static final String AUDIO_REASON = "We encountered an issue with the audio for your prompt, which means we"
            + " could not create your video. This can sometimes happen due to our safety filters or other processing"
            + " issues. Please modify your request and try again. You have not been charged for this attempt.";

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Override
    String protocol() {
        return GeminiVeoClient.NAME;
    }

    @Test
    void aVeoBriefGoesToTheGeminiApiAndIsDeliveredForOnePaidSubmission() {
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.provider()).isEqualTo("gemini");
        assertThat(job.providerJobId()).startsWith("models/veo-3.1-generate-001/operations/");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aBriefWithASeedIsStillAcceptedBecauseTheConnectorDropsIt() {
        long paid = paid();

        Job job = runToEnd(submit("veo-3.1", "{seconds: 4, aspect: \"16:9\", resolution: 720p, seed: 42}"));

        // the sandbox refuses an unknown "seed" field with a 400, as the Gemini API does: delivery proves it was not sent
        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aVideoWithheldByTheContentFilterFailsAtOnceNotChargedAndNotRetried() {
        arm("{\"filteredJobs\":1}");
        long paid = paid();
        long billed = billedSeconds();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("content_policy").contains("not charged")
                .contains("You will not be charged for this request");
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(billedSeconds() - billed).isZero();
        assertThat(history(job.id())).doesNotContain("generating again");
    }

    @Test
    void anAudioFilterFalsePositiveIsGeneratedOnceMoreAndDelivered() {
        arm("{\"filteredJobs\":1,\"filteredReason\":\"" + AUDIO_REASON + "\"}");
        long paid = paid();
        long billed = billedSeconds();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(history(job.id())).contains("generating again (1 of 1)").contains("rai_audio_filtered");
        // two submissions reached the provider; only the delivered clip was charged
        assertThat(paid() - paid).isEqualTo(2);
        assertThat(billedSeconds() - billed).isEqualTo(4);
    }

    @Test
    void anAudioFilterThatKeepsRefusingEndsTheJobAfterTheConfiguredRetries() {
        arm("{\"filteredJobs\":2,\"filteredReason\":\"" + AUDIO_REASON + "\"}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("failed the generation 2 time(s), not charged").contains("audio");
        assertThat(paid() - paid).isEqualTo(2);
    }

    @Test
    void quotaExhaustionIsWaitedOutAsGoogleAsksAndPaidOnce() {
        arm("{\"rateLimitedSubmits\":2,\"retryAfterSeconds\":1}");
        long paid = paid();
        long refused = rejected(429);

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(rejected(429) - refused).isEqualTo(2);
    }

    @Test
    void serverErrorsOnSubmitAreRetriedWithoutASecondPaidGeneration() {
        arm("{\"failingSubmits\":2,\"failingSubmitStatus\":503}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aPollSlowerThanTheClientsTimeoutIsSimplyPolledAgain() {
        arm("{\"slowPolls\":1,\"responseDelayMillis\":4500}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(faults.of(protocol()).remaining().slowPolls()).isZero();
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aMalformedPollAnswerIsPolledAgain() {
        arm("{\"malformedPolls\":2}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(faults.of(protocol()).remaining().malformedPolls()).isZero();
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void anOperationErrorFailsTheJobWithGooglesMessage() {
        arm("{\"failedJobs\":1,\"failedJobCode\":\"INTERNAL\",\"failedJobMessage\":\"Video generation failed.\"}");

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("operation error 13").contains("Video generation failed.");
    }

    @Test
    void anExpiredFileFailsTheJobAndIsNeverGeneratedAgain() {
        arm("{\"expiredDownloads\":1}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("no longer has the output").contains("not re-run");
        assertThat(paid() - paid).as(history(job.id())).isEqualTo(1);
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

    /**
     * The risk the Gemini API leaves open: no list of operations and no idempotency key, so a submit whose answer
     * never came is sent again, and the first generation (accepted, paid) is never collected.
     */
    @Test
    void aSubmitThatTimesOutIsSentAgainBecauseTheGeminiApiCannotBeAsked() {
        arm("{\"slowSubmits\":1,\"responseDelayMillis\":4500}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(faults.of(protocol()).remaining().slowSubmits()).isZero();
        assertThat(paid() - paid).isEqualTo(2);
    }
}
