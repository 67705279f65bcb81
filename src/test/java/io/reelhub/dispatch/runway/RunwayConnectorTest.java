package io.reelhub.dispatch.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.dispatch.ProtocolContract;
import io.reelhub.dispatch.ProviderRegistry;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobTransition;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/** The Runway connector against the sandbox speaking Runway's API (which insists on X-Runway-Version). */
@HubTest
class RunwayConnectorTest extends ProtocolContract {

    private static final String HOME = TempHome.create("runway").toString();

    @DynamicPropertySource
    static void runway(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("RUNWAY_API_KEY", () -> "rw-test-key");
        registry.add("reelhub.sandbox.runway.api-key", () -> "rw-test-key");
        registry.add("reelhub.providers.runway.base-url", () -> "/sandbox/runway");
        registry.add("reelhub.providers.http.request-timeout", () -> "1s");
    }

    @Autowired
    ProviderRegistry providers;

    @Override
    protected String protocol() {
        return "runway";
    }

    @Override
    protected String brief(String id) {
        return """
                brief: 1
                id: %s
                project: runway
                stage: post-production
                model: veo-3.1
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: {seconds: 4, aspect: "16:9", resolution: 720p}
                """.formatted(id);
    }

    @Test
    void aFailedTaskFailsTheJobWithItsFailureCode() {
        arm(Map.of("failedJobs", 1, "failedJobCode", "SAFETY.INPUT.TEXT",
                "failedJobMessage", "The prompt did not pass content moderation."));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("SAFETY.INPUT.TEXT").contains("did not pass content moderation");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aThrottledTaskWaitsThenRunsAndIsDelivered() {
        arm(Map.of("throttledJobs", 1, "throttleMillis", 2500));

        String jobId = submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> note(jobId).contains("throttled by Runway"));
        assertThat(store.find(jobId).orElseThrow().state()).isEqualTo(JobState.SUBMITTED);
        Job job = runToEnd(jobId);

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(store.history(jobId)).extracting(JobTransition::reason).contains("provider started rendering");
        assertThat(job.providerNote()).isNull();
    }

    @Test
    void aCancelledTaskEndsTheJobSayingSo() {
        arm(Map.of("throttledJobs", 1, "throttleMillis", 5000));

        String jobId = submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> note(jobId).contains("throttled"));
        providers.named("runway").cancel(store.find(jobId).orElseThrow().providerJobId());
        Job job = runToEnd(jobId);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("CANCELLED").contains("cancelled at Runway");
    }

    private String note(String jobId) {
        String note = store.find(jobId).orElseThrow().providerNote();
        return note == null ? "" : note;
    }
}
