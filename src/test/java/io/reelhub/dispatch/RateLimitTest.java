package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.reelhub.intake.BriefIntake;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.support.HubTest;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/**
 * A burst of briefs against a provider that allows 2 creations per model in a sliding window: the hub, told "2 per
 * 4 s", keeps every 4-second window to 2 submits, so the provider never has to say 429, and every brief is delivered.
 * The provider here counts over 3 s, which leaves a second for the request's trip on a loaded test machine (the
 * hub's own 5 % allowance covers that trip on a real one-minute window: 3 s).
 */
@HubTest
@TestPropertySource(properties = {"reelhub.sandbox.rate-limit.requests=2", "reelhub.sandbox.rate-limit.window=3s",
        "reelhub.limits.providers.sandbox.requests=2", "reelhub.limits.providers.sandbox.window=4s"})
class RateLimitTest {

    private static final String HOME = TempHome.create("rate-limit").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Autowired
    BriefIntake intake;
    @Autowired
    JobStore store;
    @Autowired
    SandboxCounters counters;

    @Test
    void aBurstOfBriefsIsSpacedToTheProvidersLimitWithoutASingle429AndAllAreDelivered() {
        long refused = counters.snapshot().rejectedSubmissions().getOrDefault("429", 0L);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(intake.accept(SampleBriefs.harbourBytes("limits", "burst-" + i), "burst.yaml", "test").jobId());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.stream()
                .allMatch(id -> store.find(id).orElseThrow().state() == JobState.DELIVERED));

        // six at once would be refused by this provider without the hub's limit: four workers submit in parallel
        assertThat(counters.snapshot().rejectedSubmissions().getOrDefault("429", 0L)).isEqualTo(refused);
    }
}
