package io.reelhub.dispatch.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.dispatch.ProtocolContract;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobTransition;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * The Kling connector against the sandbox speaking Kling's API, with a signed JWT the sandbox verifies against the
 * same secret.
 */
@HubTest
class KlingConnectorTest extends ProtocolContract {

    private static final String HOME = TempHome.create("kling").toString();

    @DynamicPropertySource
    static void kling(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("KLING_ACCESS_KEY", () -> "ak-test");
        registry.add("KLING_SECRET_KEY", () -> "sk-test-secret");
        registry.add("reelhub.sandbox.kling.access-key", () -> "ak-test");
        registry.add("reelhub.sandbox.kling.secret-key", () -> "sk-test-secret");
        registry.add("reelhub.providers.kling.base-url", () -> "/sandbox/kling");
        registry.add("reelhub.providers.kling.concurrency-backoff", () -> "300ms");
        registry.add("reelhub.providers.kling.rate-limit-backoff", () -> "300ms");
        registry.add("reelhub.providers.http.request-timeout", () -> "1s");
        registry.add("reelhub.providers.http.submit-timeout", () -> "1s");
    }

    @Override
    protected String protocol() {
        return "kling";
    }

    @Override
    protected String brief(String id) {
        return """
                brief: 1
                id: %s
                project: kling
                stage: post-production
                model: kling-2.1
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: {seconds: 5, aspect: "16:9", resolution: 1080p}
                """.formatted(id);
    }

    @Test
    void aFailedTaskFailsTheJobWithKlingsReason() {
        arm(Map.of("failedJobs", 1, "failedJobMessage", "Failure to pass the risk control system"));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("Failure to pass the risk control system");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void theConcurrencyLimitIsWaitedOutWithoutBlockingAndThenDelivered() {
        arm(Map.of("concurrencyLimitedSubmits", 2));
        long paid = paid();
        long refused = counters.snapshot().rejections("kling", 429);

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(counters.snapshot().rejections("kling", 429) - refused).isEqualTo(2);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aSubmitWhoseAnswerTimedOutIsFoundByItsExternalTaskIdNotPaidAgain() {
        arm(Map.of("slowSubmits", 1, "responseDelayMillis", 2500));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(store.history(job.id())).extracting(JobTransition::reason).anyMatch(r -> r.startsWith("adopted"));
    }
}
