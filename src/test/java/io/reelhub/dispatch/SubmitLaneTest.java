package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.intake.BriefIntake;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.sandbox.FaultSettings;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.support.HubTest;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/**
 * Submits have a worker lane of their own: with the one step worker held by a poll the provider takes 30 s to
 * answer, a new brief is still submitted at once, instead of waiting behind the poll for its turn.
 */
@HubTest
class SubmitLaneTest {

    private static final String HOME = TempHome.create("submit-lane").toString();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("reelhub.dispatch.workers", () -> "1");
        registry.add("reelhub.dispatch.submit-workers", () -> "1");
    }

    @Autowired
    BriefIntake intake;
    @Autowired
    JobStore store;
    @Autowired
    SandboxFaults faults;

    @AfterEach
    void disarm() {
        faults.reset();
    }

    @Test
    void aBriefIsSubmittedWhileTheOnlyStepWorkerWaitsForASlowPoll() {
        faults.apply(FaultSettings.of(Map.of("slowPolls", 1, "responseDelayMillis", 30_000)));
        String first = intake.accept(SampleBriefs.harbourBytes("lanes", "held"), "a.yaml", "test").jobId();
        // the first job's poll has reached the provider, which holds it: the step worker is taken
        await().atMost(Duration.ofSeconds(30)).until(() -> faults.remaining().slowPolls() == 0);

        String second = intake.accept(SampleBriefs.harbourBytes("lanes", "next"), "b.yaml", "test").jobId();

        await().atMost(Duration.ofSeconds(20)).until(() -> store.find(second).orElseThrow().providerJobId() != null);
        assertThat(store.find(first).orElseThrow().state()).as("still waiting for its slow poll")
                .isIn(JobState.SUBMITTED, JobState.RENDERING);
        await().atMost(Duration.ofSeconds(90)).until(() -> store.find(first).orElseThrow().state()
                == JobState.DELIVERED && store.find(second).orElseThrow().state() == JobState.DELIVERED);
    }
}
