package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * Fallback chains end to end against the sandbox: a confirmed failure hands the job to the next model, which the
 * provider counts as exactly one paid submission per model; timeouts, 5xx, content-policy refusals and budgets stop
 * the chain. The sandbox here does not serve seedance-1.0-pro (its submit is refused, as a retired model's is).
 */
@HubTest
class ModelFallbackTest {

    private static final String HOME = TempHome.create("fallback").toString();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("reelhub.routing.fallback-chains.hero-cinematic[0]", () -> "veo-3.1-fast");
        registry.add("reelhub.routing.fallback-chains.dynamic-camera[0]", () -> "wan-2.2");
        registry.add("reelhub.routing.fallback-chains.fast-draft[0]", () -> "kling-2.1");
        registry.add("reelhub.sandbox.models", () -> "veo-3.1,veo-3.1-fast,wan-2.2,kling-2.1");
        registry.add("reelhub.dispatch.max-attempts", () -> "3");
        registry.add("reelhub.providers.http.submit-timeout", () -> "1s");
        registry.add("reelhub.costs.projects.capped.daily-cap-usd", () -> "0.50");
    }

    @Autowired
    BriefIntake intake;
    @Autowired
    JobStore store;
    @Autowired
    SandboxFaults faults;
    @Autowired
    SandboxCounters counters;

    @AfterEach
    void disarm() {
        faults.reset();
    }

    @Test
    void aModelThatFailsForGoodHandsTheJobToTheNextModelOfItsChain() {
        faults.apply(FaultSettings.of(Map.of("failedJobs", 1, "failedJobCode", "generation_failed",
                "failedJobMessage", "The render node lost the job.")));
        long veo = paid("veo-3.1");
        long fast = paid("veo-3.1-fast");

        Job job = runToEnd(submit("hero-cinematic", "{seconds: 4, aspect: \"16:9\", resolution: 720p}", null));

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.model()).isEqualTo("veo-3.1-fast");
        assertThat(job.costEstimateUsd()).isEqualByComparingTo("0.60");
        assertThat(paid("veo-3.1") - veo).isEqualTo(1);
        assertThat(paid("veo-3.1-fast") - fast).isEqualTo(1);
        assertThat(history(job)).contains("falling back from veo-3.1 to veo-3.1-fast (fallback 1 of 1 for"
                + " 'hero-cinematic')").contains("generation_failed: The render node lost the job.")
                .contains("that job is not submitted again");
    }

    @Test
    void aModelTheProviderDoesNotServeIsRefusedAtSubmitAndTheChainTakesOver() {
        long refused = counters.snapshot().rejectedSubmissions().getOrDefault("400", 0L);
        long wan = paid("wan-2.2");

        Job job = runToEnd(submit("dynamic-camera", "{seconds: 5, size: 1280x720}", null));

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.model()).isEqualTo("wan-2.2");
        assertThat(paid("seedance-1.0-pro")).isZero();
        assertThat(counters.snapshot().rejectedSubmissions().get("400") - refused).isEqualTo(1);
        assertThat(paid("wan-2.2") - wan).isEqualTo(1);
        assertThat(history(job)).contains("falling back from seedance-1.0-pro to wan-2.2")
                .contains("the provider refused the submit");
    }

    @Test
    void aContentPolicyRefusalIsFinalAndSaysSo() {
        faults.apply(FaultSettings.of(Map.of("failedJobs", 1, "failedJobCode", "moderation_blocked",
                "failedJobMessage", "Blocked by moderation.")));
        long fast = paid("veo-3.1-fast");

        Job job = runToEnd(submit("hero-cinematic", "{seconds: 4, aspect: \"16:9\", resolution: 720p}", null));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("content policy").contains("no fallback model")
                .contains("moderation_blocked: Blocked by moderation.");
        assertThat(paid("veo-3.1-fast") - fast).isZero();
        assertThat(history(job)).doesNotContain("falling back");
    }

    @Test
    void serverErrorsUntilThePollGivesUpNeverStartAFallback() {
        faults.apply(FaultSettings.of(Map.of("failingPolls", 50, "failingPollStatus", 503)));
        long veo = paid("veo-3.1");
        long fast = paid("veo-3.1-fast");

        Job job = runToEnd(submit("hero-cinematic", "{seconds: 4, aspect: \"16:9\", resolution: 720p}", null));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("poll failed 3 times").contains("503");
        assertThat(paid("veo-3.1") - veo).isEqualTo(1);
        assertThat(paid("veo-3.1-fast") - fast).isZero();
    }

    @Test
    void aSubmitThatTimedOutIsFoundAgainNotFollowedByAFallback() {
        // the sandbox accepts (and charges) the job but answers after the hub's 1 s submit timeout
        faults.apply(FaultSettings.of(Map.of("slowSubmits", 1, "responseDelayMillis", 2500)));
        long veo = paid("veo-3.1");
        long fast = paid("veo-3.1-fast");

        Job job = runToEnd(submit("hero-cinematic", "{seconds: 4, aspect: \"16:9\", resolution: 720p}", null));

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.model()).isEqualTo("veo-3.1");
        assertThat(paid("veo-3.1") - veo).isEqualTo(1);
        assertThat(paid("veo-3.1-fast") - fast).isZero();
        assertThat(history(job)).contains("adopted").doesNotContain("falling back");
    }

    @Test
    void aFallbackOverTheBriefsBudgetIsNotSubmittedAndTheFailureSaysWhy() {
        faults.apply(FaultSettings.of(Map.of("failedJobs", 1, "failedJobCode", "generation_failed",
                "failedJobMessage", "The render node lost the job.")));
        long kling = paid("kling-2.1");

        // wan-2.2 costs 0.10 USD here; kling-2.1 renders 1920x1080 only and would cost 1.40 USD
        Job job = runToEnd(submit("fast-draft", "{seconds: 5}", new BigDecimal("0.50")));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("generation_failed: The render node lost the job.")
                .contains("no fallback of 'fast-draft' fits: kling-2.1: the estimate of 1.40 USD is over the"
                        + " brief's budget of 0.5 USD");
        assertThat(paid("kling-2.1") - kling).isZero();
    }

    @Test
    void aFallbackOverTheProjectsDailyCapIsNotSubmittedCountingTheFailedEstimateAsReleased() {
        faults.apply(FaultSettings.of(Map.of("failedJobs", 1, "failedJobCode", "generation_failed",
                "failedJobMessage", "The render node lost the job.")));
        long kling = paid("kling-2.1");

        // 0.10 USD of the 0.50 USD cap committed by the failed wan-2.2 clip, released for its replacement
        Job job = runToEnd(submit("capped", "fast-draft", "{seconds: 5}", null));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("kling-2.1: the estimate of 1.40 USD is more than the 0.50 USD left of"
                + " project capped's daily cap of 0.50 USD");
        assertThat(paid("kling-2.1") - kling).isZero();
    }

    private String submit(String model, String params, BigDecimal budget) {
        return submit("fallback", model, params, budget);
    }

    private String submit(String project, String model, String params, BigDecimal budget) {
        String id = "fb-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] brief = ("""
                brief: 1
                id: %s
                project: %s
                stage: post-production
                model: %s
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: %s
                """.formatted(id, project, model, params) + (budget == null ? "" : "budget_usd: " + budget + "\n"))
                .getBytes(StandardCharsets.UTF_8);
        IntakeOutcome outcome = intake.accept(brief, id + ".yaml", "test");
        assertThat(outcome.status()).as(String.valueOf(outcome.errors())).isEqualTo(IntakeOutcome.Status.ACCEPTED);
        return outcome.jobId();
    }

    private Job runToEnd(String jobId) {
        await().atMost(Duration.ofSeconds(90)).until(() -> store.find(jobId).orElseThrow().state().isTerminal());
        return store.find(jobId).orElseThrow();
    }

    private long paid(String model) {
        return counters.snapshot().submissions().getOrDefault(model, 0L);
    }

    private String history(Job job) {
        return String.join("\n", store.history(job.id()).stream().map(JobTransition::reason).toList());
    }
}
