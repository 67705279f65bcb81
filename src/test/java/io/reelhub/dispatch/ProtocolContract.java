package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.JobTransition;
import io.reelhub.sandbox.ArmedFaults;
import io.reelhub.sandbox.FaultSettings;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;

/**
 * What every provider connector must survive, end to end through the pump against the sandbox speaking that
 * provider's protocol: each job ends DELIVERED or FAILED with a reason a user understands, and the sandbox counts
 * exactly one paid submission of that protocol per generation. A connector's test class extends this with its
 * protocol's own failure shapes; its context sets {@code reelhub.providers.http.request-timeout=1s}.
 */
public abstract class ProtocolContract {

    @Autowired
    protected BriefIntake intake;
    @Autowired
    protected JobStore store;
    @Autowired
    protected SandboxFaults faults;
    @Autowired
    protected SandboxCounters counters;

    /** The protocol under test, as the provider and the sandbox name it. */
    protected abstract String protocol();

    /** The protocol the sandbox speaks to this provider (the provider's own name unless it is described in YAML). */
    protected String sandboxProtocol() {
        return protocol();
    }

    /** A brief (YAML) for a model the catalog routes to this protocol. */
    protected abstract String brief(String id);

    @AfterEach
    void disarm() {
        faults.reset();
    }

    @Test
    void aBriefIsGeneratedDownloadedAndDeliveredThroughTheProtocol() {
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(job.provider()).isEqualTo(protocol());
        assertThat(job.providerJobId()).isNotBlank();
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aRateLimitedSubmitWaitsOutRetryAfterAndIsPaidOnce() {
        arm(Map.of("rateLimitedSubmits", 1, "retryAfterSeconds", 1));
        long paid = paid();
        long refused = counters.snapshot().rejections(sandboxProtocol(), 429);
        Instant start = Instant.now();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(counters.snapshot().rejections(sandboxProtocol(), 429) - refused).isEqualTo(1);
        assertThat(paid() - paid).isEqualTo(1);
        // the accepted submit came no sooner than the provider asked
        assertThat(Duration.between(start, job.renderedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aServerErrorOnSubmitIsRetriedWithoutASecondPaidGeneration() {
        arm(Map.of("failingSubmits", 2, "failingSubmitStatus", 503));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aPollThatTimesOutIsRetried() {
        arm(Map.of("slowPolls", 1, "responseDelayMillis", 2500));
        long paid = paid();

        String jobId = submit();
        await().atMost(Duration.ofSeconds(30)).until(() -> lastError(jobId).contains("timed out"));
        Job job = runToEnd(jobId);

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void aMalformedPollAnswerIsRetried() {
        arm(Map.of("malformedPolls", 2));
        long paid = paid();

        String jobId = submit();
        await().atMost(Duration.ofSeconds(30)).until(() -> lastError(jobId).contains("not JSON"));
        Job job = runToEnd(jobId);

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(paid() - paid).isEqualTo(1);
    }

    @Test
    void anExpiredOutputUrlFailsTheJobAndIsNeverGeneratedAgain() {
        arm(Map.of("expiredOutputs", 1));
        long paid = paid();

        Job job = runToEnd(submit());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("no longer has the output").contains("404");
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(store.history(job.id())).extracting(JobTransition::to)
                .containsOnlyOnce(JobState.SUBMITTED).doesNotContain(JobState.DELIVERED);
    }

    @Test
    void aTruncatedDownloadIsDownloadedAgainNeverGeneratedAgain() {
        arm(Map.of("truncatedDownloads", 1, "truncateAfterBytes", 4096));
        long paid = paid();
        long truncated = counters.snapshot().downloads().truncated();

        Job job = runToEnd(submit());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(counters.snapshot().downloads().truncated() - truncated).isEqualTo(1);
        assertThat(paid() - paid).isEqualTo(1);
    }

    protected ArmedFaults arm(Map<String, ?> settings) {
        ArmedFaults armed = faults.of(sandboxProtocol());
        armed.apply(FaultSettings.of(settings));
        return armed;
    }

    protected String submit() {
        String id = protocol() + "-" + UUID.randomUUID().toString().substring(0, 8);
        IntakeOutcome outcome = intake.accept(brief(id).getBytes(StandardCharsets.UTF_8), id + ".yaml", "test");
        assertThat(outcome.status()).as(String.valueOf(outcome.errors())).isEqualTo(IntakeOutcome.Status.ACCEPTED);
        return outcome.jobId();
    }

    protected Job runToEnd(String jobId) {
        await().atMost(Duration.ofSeconds(90)).until(() -> store.find(jobId).orElseThrow().state().isTerminal());
        return store.find(jobId).orElseThrow();
    }

    protected long paid() {
        return counters.snapshot().paidSubmissions(sandboxProtocol());
    }

    protected String lastError(String jobId) {
        String error = store.find(jobId).orElseThrow().lastError();
        return error == null ? "" : error;
    }
}
