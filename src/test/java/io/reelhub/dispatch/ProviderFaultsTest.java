package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.reelhub.brief.BriefChecker;
import io.reelhub.brief.GenerationSpec;
import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.JobTransition;
import io.reelhub.jobs.NewJob;
import io.reelhub.sandbox.FaultSettings;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * Every way the provider misbehaves, end to end through the pump: each job ends DELIVERED or FAILED with a reason a
 * user understands, and the provider counts exactly one paid submission per generation.
 */
@HubTest
class ProviderFaultsTest {

    private static final String HOME = TempHome.create("provider-faults").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Autowired
    BriefIntake intake;
    @Autowired
    BriefChecker checker;
    @Autowired
    JobStore store;
    @Autowired
    ProviderRegistry providers;
    @Autowired
    SandboxFaults faults;
    @Autowired
    SandboxCounters counters;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SpecCodec specs;

    @AfterEach
    void clearFaults() {
        faults.reset();
    }

    @Test
    void rateLimitedSubmitsAreWaitedOutAndPaidOnce() {
        faults.apply(new FaultSettings(2, 1, null, null, null, null, null, null, null, null, null, null));
        long paid = paid();
        long refused = counters.snapshot().rejectedSubmissions().getOrDefault("429", 0L);

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(counters.snapshot().rejectedSubmissions().get("429") - refused).isEqualTo(2);
    }

    @Test
    void serverErrorsOnSubmitAreRetriedWithoutASecondPaidGeneration() {
        faults.apply(new FaultSettings(null, null, 2, 503, null, null, null, null, null, null, null, null));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(store.history(job.id())).extracting(JobTransition::to).doesNotContain(JobState.FAILED);
    }

    @Test
    void aContentPolicyFailureIsTerminalAndSaysWhy() {
        faults.apply(new FaultSettings(null, null, null, null, 1, "moderation_blocked", "Blocked by moderation.", null,
                null, null, null, null));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("moderation_blocked").contains("Blocked by moderation.");
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aTruncatedDownloadIsDownloadedAgainNeverGeneratedAgain() {
        faults.apply(new FaultSettings(null, null, null, null, null, null, null, null, null, 1, 4096L, null));
        long paid = paid();
        long truncated = counters.snapshot().downloads().truncated();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(counters.snapshot().downloads().truncated() - truncated).isEqualTo(1);
    }

    @Test
    void failingPollsAreRetriedUntilTheJobIsDone() {
        faults.apply(new FaultSettings(null, null, null, null, null, null, null, 3, 502, null, null, null));

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
    }

    @Test
    void aSubmitThatReachedTheProviderBeforeACrashIsAdoptedNotPaidAgain() {
        String briefId = "adopt-" + UUID.randomUUID().toString().substring(0, 6);
        GenerationSpec spec = checker.check(brief(briefId), "a.yaml").plan().get(0);
        long paid = paid();
        // the POST reached the provider, then the hub died before it saved the provider's id
        String providerJobId = providers.forNewJob(spec).submit(spec, "lost-answer-" + UUID.randomUUID());
        String jobId = queuedWithIntent(briefId, spec);

        Job job = runToEnd(jobId);

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
        assertThat(job.providerJobId()).isEqualTo(providerJobId);
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(store.history(jobId)).extracting(JobTransition::reason).anyMatch(r -> r.startsWith("adopted"));
    }

    @Test
    void aSubmitThatNeverReachedTheProviderBeforeACrashIsSentOnce() {
        String briefId = "resend-" + UUID.randomUUID().toString().substring(0, 6);
        GenerationSpec spec = checker.check(brief(briefId), "r.yaml").plan().get(0);
        long paid = paid();

        Job job = runToEnd(queuedWithIntent(briefId, spec));

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    private String queuedWithIntent(String briefId, GenerationSpec spec) {
        String id = "job-test-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(status -> {
            store.createQueued(new NewJob(id, null, "faults", briefId, 1, spec.shotId(), "post-production", null,
                    "test", spec.modelId(), specs.write(spec), "{}", "[]", spec.estimatedCostUsd()), "test");
            store.recordSubmitIntent(id, ProviderRegistry.SANDBOX, id);
        });
        return id;
    }

    private String submit() {
        IntakeOutcome outcome = intake.accept(brief("f-" + UUID.randomUUID().toString().substring(0, 8)),
                "fault.yaml", "test");
        assertThat(outcome.status()).isEqualTo(IntakeOutcome.Status.ACCEPTED);
        return outcome.jobId();
    }

    private Job runToEnd(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.find(jobId).orElseThrow().state().isTerminal());
        return store.find(jobId).orElseThrow();
    }

    private long paid() {
        return counters.snapshot().totalSubmissions();
    }

    private static byte[] brief(String id) {
        return """
                brief: 1
                id: %s
                project: faults
                stage: post-production
                model: veo-3.1
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: {seconds: 4, aspect: "16:9", resolution: 720p}
                """.formatted(id).getBytes(StandardCharsets.UTF_8);
    }
}
