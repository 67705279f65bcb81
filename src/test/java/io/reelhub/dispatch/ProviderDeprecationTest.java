package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.intake.BriefIntake;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.sandbox.FaultSettings;
import io.reelhub.sandbox.SandboxDeprecationHeaders;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.support.HubTest;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/**
 * The sandbox announces a retirement with {@code Deprecation} and {@code Sunset} on every answer, as providers do:
 * the job that heard it carries one warning (however many answers said it), and the metrics count and date it.
 */
@HubTest
class ProviderDeprecationTest {

    private static final String HOME = TempHome.create("deprecation").toString();
    private static final Instant DEPRECATED = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant SUNSET = Instant.parse("2027-01-15T00:00:00Z");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    BriefIntake intake;
    @Autowired
    JobStore store;
    @Autowired
    SandboxFaults faults;
    @Autowired
    SandboxDeprecationHeaders announcements;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @AfterEach
    void withdraw() {
        rest.delete("/sandbox/admin/deprecation/openai");
        faults.reset();
    }

    @Test
    void aJobThatHeardTheProviderAnnounceARetirementCarriesOneWarningAndTheMetricsSayIt() {
        announce();
        // one failing poll too: an error answer carries the headers as well
        faults.apply(FaultSettings.of(Map.of("failingPolls", 1)));
        double before = answersCounted();

        Job job = runToEnd(intake.accept(SampleBriefs.harbourBytes("deprecation", "announced"), "d.yaml", "test")
                .jobId());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        JsonNode view = rest.getForObject("/api/jobs/" + job.id(), JsonNode.class);
        List<String> warnings = new ArrayList<>();
        view.path("warnings").forEach(w -> {
            if (w.path("path").asText().equals("provider.deprecation")) {
                warnings.add(w.path("message").asText());
            }
        });
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("sandbox says veo-3.1 is deprecated since 2026-06-01 and stops"
                + " answering on 2027-01-15").contains("see https://sandbox.example/retirements");
        // submit, polls (one of them an error) and the download all said it; the job says it once
        assertThat(answersCounted() - before).isGreaterThanOrEqualTo(4);
        assertThat(meters.get("reelhub.provider.sunset").tags("provider", "sandbox", "model", "veo-3.1").gauge()
                .value()).isEqualTo(SUNSET.getEpochSecond());
    }

    @Test
    void theSandboxSendsTheHeadersOnItsErrorAnswersAndNotOnItsMedia() throws Exception {
        announce();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/sandbox/openai/v1/videos/video_missing")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Deprecation")).hasValue("@" + DEPRECATED.getEpochSecond());
        assertThat(refused.headers().firstValue("Sunset")).hasValue("Fri, 15 Jan 2027 00:00:00 GMT");
        assertThat(rest.getForEntity("/sandbox/admin/counters", String.class).getHeaders().containsKey("Deprecation"))
                .isFalse();
    }

    @Test
    void aJobThatHeardNothingCarriesNoWarning() {
        Job job = runToEnd(intake.accept(SampleBriefs.harbourBytes("deprecation", "quiet"), "q.yaml", "test")
                .jobId());

        assertThat(job.state()).as(job.lastError()).isEqualTo(JobState.DELIVERED);
        assertThat(String.valueOf(job.warningsJson())).doesNotContain("provider.deprecation");
    }

    private void announce() {
        rest.postForObject("/sandbox/admin/deprecation/openai", Map.of("deprecation", DEPRECATED.toString(),
                "sunset", SUNSET.toString(), "link", "https://sandbox.example/retirements"), JsonNode.class);
        assertThat(announcements.of("openai")).isPresent();
    }

    private double answersCounted() {
        var counter = meters.find("reelhub.provider.deprecation").tags("provider", "sandbox", "model", "veo-3.1")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private Job runToEnd(String jobId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.find(jobId).orElseThrow().state().isTerminal());
        return store.find(jobId).orElseThrow();
    }
}
