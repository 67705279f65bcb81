package io.reelhub.dispatch.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.dispatch.ProtocolContract;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * The shipped example {@code connectors/acme-video.provider.yaml}, a Runway-shaped task API described in YAML,
 * driving briefs end to end against the sandbox: no Java was written for this provider.
 */
@HubTest
class DeclarativeProviderTest extends ProtocolContract {

    private static final String HOME = TempHome.create("acme-video").toString();

    @DynamicPropertySource
    static void acme(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("ACME_VIDEO_API_KEY", () -> "acme-test-key");
        registry.add("reelhub.sandbox.runway.api-key", () -> "acme-test-key");
        registry.add("reelhub.providers.http.request-timeout", () -> "1s");
    }

    @Override
    protected String protocol() {
        return "acme-video";
    }

    @Override
    protected String sandboxProtocol() {
        return "runway";
    }

    @Override
    protected String brief(String id) {
        return """
                brief: 1
                id: %s
                project: acme
                stage: post-production
                model: veo-3.1
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: {seconds: 4, aspect: "16:9", resolution: 720p}
                """.formatted(id);
    }

    @Test
    void aFailedJobSaysWhatTheFileSaysToReadAsItsCodeAndMessage() {
        arm(Map.of("failedJobs", 1, "failedJobCode", "SAFETY.INPUT.TEXT",
                "failedJobMessage", "The prompt did not pass content moderation."));

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("SAFETY.INPUT.TEXT: The prompt did not pass content moderation.");
    }
}
