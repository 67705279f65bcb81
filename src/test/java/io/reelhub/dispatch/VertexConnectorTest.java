package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.reelhub.dispatch.gemini.VertexVeoClient;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * The Vertex Veo connector end to end through the pump, against the embedded sandbox's Vertex endpoints: seed and
 * audio go on the wire, the inline base64 video is decoded by streaming, and the failure shapes end as on Gemini.
 */
@HubTest
@TestPropertySource(properties = {
        "reelhub.providers.vertex.access-token=ya29.test-token",
        "reelhub.providers.vertex.project=reelhub-test",
        "reelhub.providers.vertex.location=europe-west4",
        "reelhub.providers.vertex.base-url=/sandbox/vertex/v1",
        "reelhub.providers.vertex.timeout=3s",
        "reelhub.providers.vertex.download-timeout=10s"})
class VertexConnectorTest extends ConnectorJourneys {

    private static final String HOME = TempHome.create("vertex-connector").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Override
    String protocol() {
        return VertexVeoClient.NAME;
    }

    @Test
    void aVeoBriefWithASeedGoesToVertexAndItsInlineVideoIsDelivered() {
        long paid = paid();

        Job job = runToEnd(submit("veo-3.1", "{seconds: 4, aspect: \"9:16\", resolution: 720p, seed: 42}"));

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.provider()).isEqualTo("vertex");
        assertThat(job.providerJobId()).startsWith("projects/reelhub-test/locations/europe-west4/publishers/google/"
                + "models/veo-3.1-generate-001/operations/");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aFilteredVideoIsATerminalContentPolicyFailure() {
        arm("{\"filteredJobs\":1}");

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("content_policy").contains("not charged");
    }

    @Test
    void quotaExhaustionAndServerErrorsAreWaitedOutAndPaidOnce() {
        arm("{\"rateLimitedSubmits\":1,\"retryAfterSeconds\":1,\"failingSubmits\":1,\"failingPolls\":1,"
                + "\"malformedPolls\":1}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void anInlineVideoCutShortIsFetchedAgainNeverGeneratedAgain() {
        arm("{\"truncatedDownloads\":1,\"truncateAfterBytes\":4096}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(faults.of(protocol()).remaining().truncatedDownloads()).isZero();
        assertThat(paid() - paid).isEqualTo(1);
    }

    /**
     * Vertex has no separate download: the poll and the download read the same operation, so a video that is gone
     * shows as a finished operation without one, whichever call sees it first.
     */
    @Test
    void anOperationWhoseVideoIsGoneFailsTheJobWithoutGeneratingAgain() {
        arm("{\"expiredDownloads\":1}");
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).containsAnyOf("finished without a video", "no longer has the output");
        assertThat(paid() - paid).isEqualTo(1);
    }
}
