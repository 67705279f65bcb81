package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.reelhub.brief.BriefChecker;
import io.reelhub.brief.GenerationSpec;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.JobTransition;
import io.reelhub.jobs.NewJob;
import io.reelhub.qc.Attempt;
import io.reelhub.qc.GenerationAttempts;
import io.reelhub.qc.NextAttempt;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * A shot generated again after a failed quality check is a paid submission like the first, under the same money
 * rule; these are the two crashes between its intent and the provider's id. The failed attempt's render matches the
 * new request in every listed field (prompt, model, size, length), so reconciliation must know it is taken.
 */
@HubTest
class QcRegenerationRecoveryTest {

    private static final String HOME = TempHome.create("qc-recovery").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Autowired
    JobStore store;
    @Autowired
    GenerationAttempts attempts;
    @Autowired
    ProviderRegistry providers;
    @Autowired
    SandboxCounters counters;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SpecCodec specs;
    @Autowired
    BriefChecker checker;

    @Test
    void aSecondAttemptWhoseSubmitNeverReachedTheProviderIsSentOnceAndNeverAdoptsTheFailedRender() {
        String briefId = "lost-" + UUID.randomUUID().toString().substring(0, 6);
        GenerationSpec first = checker.check(brief(briefId), "l.yaml").plan().get(0);
        long paid = paid();
        String failedRender = providers.forNewJob(first).submit(first, "attempt-1-" + briefId);

        String jobId = secondAttemptWithIntent(briefId, first, failedRender);
        Job job = runToEnd(jobId);

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
        assertThat(job.providerJobId()).isNotEqualTo(failedRender);
        assertThat(paid() - paid).isEqualTo(2);
        assertThat(attempts.of(jobId)).extracting(Attempt::providerJobId)
                .containsExactly(failedRender, job.providerJobId());
        assertThat(store.history(jobId)).extracting(JobTransition::reason).noneMatch(r -> r.startsWith("adopted"));
    }

    @Test
    void aSecondAttemptWhoseSubmitReachedTheProviderBeforeACrashIsAdoptedNotPaidAThirdTime() {
        String briefId = "reached-" + UUID.randomUUID().toString().substring(0, 6);
        GenerationSpec first = checker.check(brief(briefId), "r.yaml").plan().get(0);
        long paid = paid();
        String failedRender = providers.forNewJob(first).submit(first, "attempt-1-" + briefId);
        String jobId = "job-test-" + UUID.randomUUID().toString().substring(0, 8);
        // the second attempt's POST reached the provider, then the hub died before it saved the id
        String secondRender = providers.forNewJob(first).submit(again(first, jobId), jobId + "-qc2");

        secondAttemptWithIntent(jobId, briefId, first, failedRender);
        Job job = runToEnd(jobId);

        assertThat(job.state()).isEqualTo(JobState.DELIVERED);
        assertThat(job.providerJobId()).isEqualTo(secondRender);
        assertThat(paid() - paid).isEqualTo(2);
        assertThat(store.history(jobId)).extracting(JobTransition::reason).anyMatch(r -> r.startsWith("adopted"));
    }

    private String secondAttemptWithIntent(String briefId, GenerationSpec first, String failedRender) {
        return secondAttemptWithIntent("job-test-" + UUID.randomUUID().toString().substring(0, 8), briefId, first,
                failedRender);
    }

    /**
     * The ledger as the quality check leaves it after attempt 1 failed (queued with attempt 2's seed, attempt 1
     * recorded), plus the intent the submit step records just before it calls the provider.
     */
    private String secondAttemptWithIntent(String id, String briefId, GenerationSpec first, String failedRender) {
        transactions.executeWithoutResult(status -> {
            store.createQueued(new NewJob(id, null, "qc-recovery", briefId, 1, first.shotId(), "post-production",
                    null, "test", first.modelId(), specs.write(again(first, id)), "{}", "[]",
                    first.estimatedCostUsd().multiply(java.math.BigDecimal.valueOf(2))), "test");
            attempts.record(new Attempt(id, 1, first.seed(), "attempt-1-" + briefId, ProviderRegistry.SANDBOX,
                    failedRender, null, first.estimatedCostUsd(), false, Attempt.Decision.GENERATE_AGAIN,
                    "{\"attempt\":1,\"clip\":\"sh010.mp4\",\"passed\":false,\"checks\":[]}", Instant.now()));
            store.recordSubmitIntent(id, ProviderRegistry.SANDBOX, id + "-qc2");
        });
        return id;
    }

    private static GenerationSpec again(GenerationSpec first, String jobId) {
        return new GenerationSpec(first.shotId(), first.modelId(), first.providerModel(), first.prompt(),
                first.seconds(), first.width(), first.height(), NextAttempt.seed(first.seed(), jobId, 2),
                first.negative(), first.audio(), first.estimatedCostUsd());
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
                project: qc-recovery
                stage: post-production
                model: veo-3.1
                prompt: A paper boat named %s drifts down a rain gutter, then tips over a drain grate
                params: {seconds: 4, aspect: "16:9", resolution: 720p, seed: 42}
                """.formatted(id, id).getBytes(StandardCharsets.UTF_8);
    }
}
