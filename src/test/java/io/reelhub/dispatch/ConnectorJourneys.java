package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.JobTransition;
import io.reelhub.sandbox.FaultSettings;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;

/**
 * What every connector's end-to-end test does: drop a brief through the one intake door, let the pump run the job to
 * its end against the embedded sandbox speaking the connector's protocol, and read what the provider counted.
 */
abstract class ConnectorJourneys {

    @Autowired
    BriefIntake intake;
    @Autowired
    JobStore store;
    @Autowired
    SandboxFaults faults;
    @Autowired
    SandboxCounters counters;
    @Autowired
    ProviderRegistry providers;

    /** The wire protocol under test, as the sandbox counts it. */
    abstract String protocol();

    @AfterEach
    void disarm() {
        faults.reset();
    }

    void arm(String json) {
        try {
            faults.of(protocol()).apply(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
                    FaultSettings.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Queues a one-shot brief for {@code model} and returns its job id. */
    String submit(String model, String params) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] brief = """
                brief: 1
                id: %s
                project: connectors
                stage: post-production
                model: %s
                prompt: A red kite rises over a green hill under a clear blue sky, then dips as the wind drops
                params: %s
                """.formatted(id, model, params).getBytes(StandardCharsets.UTF_8);
        IntakeOutcome outcome = intake.accept(brief, id + ".yaml", "test");
        assertThat(outcome.status()).as(String.valueOf(outcome.errors())).isEqualTo(IntakeOutcome.Status.ACCEPTED);
        return outcome.jobId();
    }

    String submit() {
        return submit("veo-3.1", "{seconds: 4, aspect: \"16:9\", resolution: 720p}");
    }

    Job runToEnd(String jobId) {
        await().atMost(Duration.ofSeconds(90)).until(() -> store.find(jobId).orElseThrow().state().isTerminal());
        return store.find(jobId).orElseThrow();
    }

    /** Paid submissions the sandbox accepted on this test's protocol so far. */
    long paid() {
        return counters.snapshot().paidSubmissions(protocol());
    }

    long billedSeconds() {
        return counters.snapshot().billedSeconds().values().stream().mapToLong(Long::longValue).sum();
    }

    long rejected(int status) {
        return counters.snapshot().rejectedSubmissions().getOrDefault(String.valueOf(status), 0L);
    }

    String history(String jobId) {
        return String.join("\n", store.history(jobId).stream().map(JobTransition::reason).toList());
    }
}
