package io.reelhub.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import io.reelhub.sandbox.FaultSettings;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.support.HubJobs;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/**
 * The quality check end to end, against the sandbox's defective outputs: a bad clip is generated again with a new
 * seed and delivered; one that stays bad waits in review with every attempt's report and is not paid for again;
 * a budget or daily cap with no room for another attempt sends it to review at once; a corrupt file is a failed
 * check with ffmpeg's reason. Paid submissions are counted by the sandbox itself.
 */
@HubTest
class QualityControlTest {

    private static final Path HOME = TempHome.create("quality-control");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.qc.max-attempts", () -> "3");
        registry.add("reelhub.costs.projects.capped.daily-cap-usd", () -> "3.00");
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SandboxFaults faults;
    @Autowired
    SandboxCounters counters;
    @Autowired
    SandboxVideoStore videos;

    private final Inbox inbox = new Inbox(HOME);
    private final ObjectMapper json = new ObjectMapper();
    private final MediaProbe probe = new MediaProbe(FfmpegBinaries.shipped());

    @AfterEach
    void disarm() {
        faults.reset();
    }

    @Test
    void aClipOfTheWrongSizeIsGeneratedAgainWithANewSeedAndTheSecondIsDelivered() throws Exception {
        faults.apply(FaultSettings.of(Map.of("defectiveOutputs", 1, "outputDefect", "wrong-size")));
        long paid = paid();

        inbox.drop("resized.yaml", brief("qc-resize", "resized", "seed: 42", ""));

        JsonNode job = awaitState("qc-resize", "resized", "DELIVERED");
        assertThat(paid() - paid).isEqualTo(2);
        JsonNode attempts = attempts(job);
        assertThat(attempts).hasSize(2);
        JsonNode first = attempts.get(0);
        assertThat(first.path("passed").asBoolean()).isFalse();
        assertThat(first.path("decision").asText()).isEqualTo("GENERATE_AGAIN");
        assertThat(first.path("seed").asLong()).isEqualTo(42);
        assertThat(check(first, "resolution").path("measured").asText()).isEqualTo("640x360");
        assertThat(check(first, "resolution").path("expected").asText()).isEqualTo("1280x720");
        JsonNode second = attempts.get(1);
        assertThat(second.path("passed").asBoolean()).isTrue();
        assertThat(second.path("decision").asText()).isEqualTo("DELIVER");
        long newSeed = second.path("seed").asLong();
        assertThat(newSeed).isNotEqualTo(42);
        assertThat(second.path("report").path("checks")).extracting(c -> c.path("name").asText())
                .containsExactly("container", "codec", "duration", "resolution", "decodes", "black", "frozen");
        assertThat(second.path("report").path("checks")).allSatisfy(c -> assertThat(c.path("passed").asBoolean())
                .isTrue());
        assertThat(second.path("providerJobId").asText()).isNotEqualTo(first.path("providerJobId").asText());
        // the provider saw two renders, with the two seeds
        assertThat(renders(job)).extracting(SandboxVideo::seed).containsExactlyInAnyOrder(42L, newSeed);
        assertThat(job.path("history").findValuesAsText("reason")).anySatisfy(r -> assertThat(r)
                .startsWith("quality check failed on attempt 1 of 3: resolution: 640x360, expected 1280x720;")
                .endsWith("generating again with seed " + newSeed));
        assertThat(job.path("costEstimateUsd").decimalValue()).isEqualByComparingTo("3.20");
        ProbeResult delivered = probe.probe(HOME.resolve("bins/qc-resize/resized/sh010_v001.mp4"));
        assertThat(delivered.width()).isEqualTo(1280);
        assertThat(delivered.height()).isEqualTo(720);
    }

    @Test
    void aShotThatStaysBlackWaitsInReviewAfterTheLastAttemptWithEveryReportAndIsNotPaidAgain() throws Exception {
        faults.apply(FaultSettings.of(Map.of("defectiveOutputs", 10, "outputDefect", "black")));
        long paid = paid();

        inbox.drop("night.yaml", brief("qc-black", "night", "seed: 7", ""));

        JsonNode job = awaitState("qc-black", "night", "AWAITING_REVIEW");
        long afterThree = paid();
        assertThat(afterThree - paid).isEqualTo(3);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> paid() == afterThree
                && job("qc-black", "night").path("state").asText().equals("AWAITING_REVIEW"));
        JsonNode attempts = attempts(job);
        assertThat(attempts).extracting(a -> a.path("decision").asText())
                .containsExactly("GENERATE_AGAIN", "GENERATE_AGAIN", "REVIEW");
        assertThat(attempts).extracting(a -> a.path("seed").asLong()).doesNotHaveDuplicates();
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.path("passed").asBoolean()).isFalse();
            assertThat(check(a, "black").path("passed").asBoolean()).isFalse();
            assertThat(check(a, "black").path("measured").asText()).startsWith("black 1.00-4.00 s");
            assertThat(check(a, "resolution").path("passed").asBoolean()).isTrue();
        });
        assertThat(job.path("error").asText()).contains("quality check failed on attempt 3")
                .contains("all 3 attempts used");

        Path folder = HOME.resolve("review/qc-black__night__sh010_v001");
        JsonNode manifest = json.readTree(folder.resolve("review.json").toFile());
        assertThat(manifest.path("files")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("sh010.mp4", "sh010_attempt1.mp4", "sh010_attempt2.mp4");
        assertThat(manifest.path("report").path("attempts")).hasSize(3);
        assertThat(manifest.path("report").path("attempts")).extracting(a -> a.path("attempt").asInt())
                .containsExactly(1, 2, 3);
        assertThat(manifest.path("report").path("outcome").asText()).contains("all 3 attempts used");
        assertThat(Files.size(folder.resolve("sh010_attempt1.mp4"))).isPositive();

        String id = job.path("id").asText();
        assertThat(rest.postForEntity("/api/jobs/" + id + "/reject", Map.of("note", "still black"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitState("qc-black", "night", "REJECTED");
        assertThat(HOME.resolve("bins/qc-black")).doesNotExist();
        assertThat(paid()).isEqualTo(afterThree);
    }

    @Test
    void aBriefBudgetWithNoRoomForAnotherAttemptSendsTheShotStraightToReviewSayingSo() throws Exception {
        faults.apply(FaultSettings.of(Map.of("defectiveOutputs", 1, "outputDefect", "frozen")));
        long paid = paid();

        inbox.drop("tight.yaml", brief("qc-budget", "tight", "seed: 3", "budget_usd: 2.00\n"));

        JsonNode job = awaitState("qc-budget", "tight", "AWAITING_REVIEW");
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(job.path("error").asText())
                .contains("frozen: frozen 1.00-4.00 s")
                .contains("no budget for another attempt: the estimate of 1.60 USD would bring brief tight v1 to 3.20"
                        + " USD, over its budget of 2.00 USD");
        assertThat(attempts(job)).singleElement().satisfies(a -> assertThat(a.path("decision").asText())
                .isEqualTo("REVIEW"));
        assertThat(job.path("costEstimateUsd").decimalValue()).isEqualByComparingTo("1.60");
    }

    @Test
    void theProjectsDailyCapStopsAnotherAttemptToo() throws Exception {
        faults.apply(FaultSettings.of(Map.of("defectiveOutputs", 1, "outputDefect", "black")));
        long paid = paid();

        inbox.drop("capped.yaml", brief("capped", "capped-shot", "seed: 5", ""));

        JsonNode job = awaitState("capped", "capped-shot", "AWAITING_REVIEW");
        assertThat(paid() - paid).isEqualTo(1);
        assertThat(job.path("error").asText()).contains("no budget for another attempt:")
                .contains("more than the 1.40 USD left of project capped's daily cap of 3.00 USD");
    }

    @Test
    void aCorruptDownloadIsAFailedCheckWithFfmpegsReasonAndIsGeneratedAgain() throws Exception {
        faults.apply(FaultSettings.of(Map.of("defectiveOutputs", 1, "outputDefect", "corrupt")));
        long paid = paid();

        inbox.drop("broken.yaml", brief("qc-corrupt", "broken", "seed: 11", ""));

        JsonNode job = awaitState("qc-corrupt", "broken", "DELIVERED");
        assertThat(paid() - paid).isEqualTo(2);
        JsonNode first = attempts(job).get(0);
        assertThat(first.path("decision").asText()).isEqualTo("GENERATE_AGAIN");
        JsonNode decodes = check(first, "decodes");
        assertThat(decodes.path("passed").asBoolean()).isFalse();
        assertThat(decodes.path("measured").asText()).contains("frame check of sh010.mp4 failed")
                .containsIgnoringCase("invalid data");
        assertThat(check(first, "container").path("passed").asBoolean()).isTrue();
        assertThat(first.path("report").path("checks")).extracting(c -> c.path("name").asText())
                .doesNotContain("black", "frozen");
    }

    @Test
    void theAttemptsOfAnUnknownJobAreA404() {
        assertThat(rest.getForEntity("/api/jobs/no-such-job/attempts", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static String brief(String project, String id, String seed, String extra) {
        return SampleBriefs.harbour(project, id).replace("resolution: 720p}", "resolution: 720p, " + seed + "}")
                + "destinations: [editing-bin]\n" + extra;
    }

    private long paid() {
        return counters.snapshot().totalSubmissions();
    }

    private List<SandboxVideo> renders(JsonNode job) {
        String id = job.path("id").asText();
        return videos.all().stream().filter(v -> v.idempotencyKey() != null && v.idempotencyKey().startsWith(id))
                .toList();
    }

    private JsonNode attempts(JsonNode job) {
        return rest.getForObject("/api/jobs/" + job.path("id").asText() + "/attempts", JsonNode.class);
    }

    private static JsonNode check(JsonNode attempt, String name) {
        for (JsonNode check : attempt.path("report").path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("attempt " + attempt.path("attempt") + " has no check " + name + ": " + attempt);
    }

    private JsonNode awaitState(String project, String briefId, String state) {
        return new HubJobs(rest).awaitState(project, briefId, state);
    }

    private JsonNode job(String project, String briefId) {
        return new HubJobs(rest).find(project, briefId);
    }
}
