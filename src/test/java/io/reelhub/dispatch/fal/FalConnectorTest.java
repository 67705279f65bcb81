package io.reelhub.dispatch.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.dispatch.ProtocolContract;
import io.reelhub.dispatch.ProviderState;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/** The fal queue connector against the sandbox speaking fal's queue API. */
@HubTest
class FalConnectorTest extends ProtocolContract {

    private static final String HOME = TempHome.create("fal").toString();

    @DynamicPropertySource
    static void fal(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("FAL_KEY", () -> "fal-test-key");
        registry.add("reelhub.sandbox.fal.key", () -> "fal-test-key");
        registry.add("reelhub.providers.fal.base-url", () -> "/sandbox/fal");
        registry.add("reelhub.providers.http.request-timeout", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Override
    protected String protocol() {
        return "fal";
    }

    @Override
    protected String brief(String id) {
        return """
                brief: 1
                id: %s
                project: fal
                stage: post-production
                model: seedance-1.0-pro
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: {seconds: 5, aspect: "16:9", resolution: 720p}
                """.formatted(id);
    }

    @Test
    void theUrlsOfTheSubmitAnswerAreKeptWithTheJobAndUsed() {
        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        ProviderState state = ProviderState.parse(job.providerStateJson());
        // status, result and cancel live under the owner/app only, not the full endpoint id
        assertThat(state.get("status_url"))
                .endsWith("/sandbox/fal/fal-ai/bytedance/requests/" + job.providerJobId() + "/status");
        assertThat(state.get("response_url")).endsWith("/requests/" + job.providerJobId());
        assertThat(state.get("cancel_url")).endsWith("/cancel");
        assertThat(state.get("endpoint")).isEqualTo("fal-ai/bytedance/seedance/v1/pro/text-to-video");
    }

    @Test
    void aCompletedRequestWhoseResultIsAnErrorFailsTheJob() {
        arm(Map.of("failedJobs", 1, "failedJobCode", "content_policy_violation",
                "failedJobMessage", "The content was flagged by a content checker."));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("content_policy_violation")
                .contains("The content was flagged by a content checker.");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aQueuedRequestShowsItsQueuePositionUntilItRuns() {
        arm(Map.of("throttledJobs", 1, "throttleMillis", 2500));

        String jobId = submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> note(jobId).contains("position 0 in fal's queue")
                || note(jobId).contains("fal's queue at position 0"));
        Job job = runToEnd(jobId);

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.providerNote()).isNull();
    }

    @Test
    void theSandboxRefusesTheSdkInputWrapperAsFalDoes() throws Exception {
        String body = "{\"input\":{\"prompt\":\"a kite\",\"duration\":\"5\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/sandbox/fal/fal-ai/bytedance/seedance/v1/pro/text-to-video"))
                .header("Authorization", "Key fal-test-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long paid = paid();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode detail = new ObjectMapper().readTree(response.body()).path("detail").path(0);
        assertThat(detail.path("loc").toString()).isEqualTo("[\"body\",\"prompt\"]");
        assertThat(detail.path("msg").asText()).contains("no 'input' wrapper");
        assertThat(paid()).isEqualTo(paid);
    }

    private String note(String jobId) {
        String note = store.find(jobId).orElseThrow().providerNote();
        return note == null ? "" : note;
    }
}
