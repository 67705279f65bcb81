package io.reelhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.support.HubJobs;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/**
 * A project's own stage table ({@code reelhub.projects.<project>.stages}) in the running hub: harbour-films' clips
 * go to a review folder instead of the bin while every other project keeps the stage table; a brief's own
 * {@code destinations:} still wins; intake accepts or rejects a brief by its project's list.
 */
@HubTest
class ProjectStageTableTest {

    private static final Path HOME = TempHome.create("project-stages");
    private static final Path REVIEW = createFolder(HOME.resolve("harbour-review"));

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.projects.harbour-films.stages.post-production.destinations", () -> "folder");
        registry.add("reelhub.projects.harbour-films.stages.production.destinations", () -> "folder");
        registry.add("reelhub.destinations.folder.folder", REVIEW::toString);
    }

    @Autowired
    TestRestTemplate rest;

    private final Inbox inbox = new Inbox(HOME);

    @Test
    void oneProjectsPostProductionClipGoesToItsFolderWhileAnotherProjectKeepsTheBin() throws Exception {
        inbox.drop("harbour-dawn.yaml", SampleBriefs.harbour("harbour-films", "harbour-dawn"));
        inbox.drop("acme-dawn.yaml", SampleBriefs.harbour("acme-spring", "acme-dawn"));

        JsonNode harbour = awaitDelivered("harbour-films", "harbour-dawn");
        JsonNode acme = awaitDelivered("acme-spring", "acme-dawn");

        assertThat(harbour.path("deliveries").findValuesAsText("destination")).containsExactly("folder");
        assertThat(REVIEW.resolve("harbour-films/harbour-dawn/sh010_v001.mp4")).isNotEmptyFile();
        assertThat(HOME.resolve("bins/harbour-films")).doesNotExist();
        assertThat(acme.path("deliveries").findValuesAsText("destination")).containsExactly("editing-bin");
        assertThat(HOME.resolve("bins/acme-spring/acme-dawn/sh010_v001.mp4")).isNotEmptyFile();
        assertThat(REVIEW.resolve("acme-spring")).doesNotExist();
    }

    @Test
    void aBriefsOwnDestinationsStillWinOverItsProjectsList() throws Exception {
        inbox.drop("harbour-binned.yaml", SampleBriefs.harbour("harbour-films", "harbour-binned")
                + "destinations: [editing-bin]\n");

        JsonNode job = awaitDelivered("harbour-films", "harbour-binned");

        assertThat(job.path("deliveries").findValuesAsText("destination")).containsExactly("editing-bin");
        assertThat(HOME.resolve("bins/harbour-films/harbour-binned/sh010_v001.mp4")).isNotEmptyFile();
        assertThat(REVIEW.resolve("harbour-films/harbour-binned")).doesNotExist();
    }

    @Test
    void aProjectsOwnListForAStageReplacesTheStageTablesWhileOtherProjectsKeepIt() throws Exception {
        inbox.drop("harbour-previs.yaml", SampleBriefs.harbour("harbour-films", "harbour-previs")
                .replace("stage: post-production", "stage: production"));
        inbox.drop("acme-previs.yaml", SampleBriefs.harbour("acme-spring", "acme-previs")
                .replace("stage: post-production", "stage: production"));

        JsonNode harbour = awaitDelivered("harbour-films", "harbour-previs");
        JsonNode acme = awaitDelivered("acme-spring", "acme-previs");

        assertThat(harbour.path("deliveries").findValuesAsText("destination")).containsExactly("folder");
        assertThat(acme.path("deliveries").findValuesAsText("destination")).containsExactly("reference-folder");
        assertThat(HOME.resolve("references/harbour-films")).doesNotExist();
        assertThat(HOME.resolve("references/acme-spring/acme-previs")).isDirectory();
    }

    private JsonNode awaitDelivered(String project, String briefId) {
        return new HubJobs(rest).awaitState(project, briefId, "DELIVERED");
    }

    private JsonNode job(String project, String briefId) {
        return new HubJobs(rest).find(project, briefId);
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
