package io.reelhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.support.HubTest;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

@HubTest
@TestPropertySource(properties = "reelhub.costs.projects.capped.daily-cap-usd=2.00")
class CatalogAndCostsApiTest {

    private static final String HOME = TempHome.create("costs").toString();

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

    @Test
    void theCatalogListsCapabilitiesPricesLifecycleAndAliases() {
        JsonNode catalog = rest.getForObject("/api/models", JsonNode.class);

        JsonNode veo = model(catalog, "veo-3.1");
        assertThat(veo.path("status").asText()).isEqualTo("active");
        assertThat(veo.path("seconds").toString()).isEqualTo("[4,6,8]");
        assertThat(veo.path("sizes").toString()).contains("1280x720");
        assertThat(veo.path("pricePerSecondUsd").path("720p").decimalValue()).isEqualByComparingTo("0.40");
        assertThat(veo.path("aliases").toString()).contains("hero-cinematic");
        JsonNode sora = model(catalog, "sora-2");
        assertThat(sora.path("status").asText()).isEqualTo("retired");
        assertThat(sora.path("sunset").asText()).isEqualTo("2026-09-24");
        assertThat(sora.path("replacement").asText()).isEqualTo("veo-3.1");
    }

    @Test
    void aBriefThatWouldPassItsProjectsDailyCapIsRefusedWithTheEstimateAndWhatIsLeft() {
        IntakeOutcome first = intake.accept(SampleBriefs.harbourBytes("capped", "one"), "one.yaml", "test");
        IntakeOutcome second = intake.accept(SampleBriefs.harbourBytes("capped", "two"), "two.yaml", "test");

        assertThat(first.status()).isEqualTo(IntakeOutcome.Status.ACCEPTED);
        assertThat(second.status()).isEqualTo(IntakeOutcome.Status.REJECTED);
        assertThat(second.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("project");
            assertThat(problem.message()).contains("1.60 USD").contains("0.40 USD").contains("2.00 USD");
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> store.find(first.jobId()).orElseThrow().state()
                == JobState.DELIVERED);
        JsonNode costs = rest.getForObject("/api/costs?project=capped", JsonNode.class);
        assertThat(costs.path("projects")).hasSize(1);
        assertThat(costs.path("projects").get(0).path("generations").asLong()).isEqualTo(1);
        assertThat(costs.path("estimatedUsd").decimalValue()).isEqualByComparingTo("1.60");
        assertThat(costs.path("actualUsd").decimalValue()).isEqualByComparingTo("1.60");
    }

    @Test
    void aMalformedDateIsAProblemNamingTheParameter() {
        ResponseEntity<JsonNode> answer = rest.getForEntity("/api/costs?from=yesterday", JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().path("errors").get(0).path("path").asText()).isEqualTo("from");
    }

    private static JsonNode model(JsonNode catalog, String id) {
        for (JsonNode model : catalog.path("models")) {
            if (model.path("id").asText().equals(id)) {
                return model;
            }
        }
        throw new AssertionError("no model " + id + " in " + catalog);
    }
}
