package io.reelhub.delivery.storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.media.ContactSheet;
import io.reelhub.support.HubJobs;
import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.TempHome;
import io.reelhub.support.emulators.BoordsEmulator;
import io.reelhub.support.emulators.UploadReceiver;

/**
 * Pre-production and production end to end, from a brief in the inbox to the stage's destinations: the storyboard
 * package in storyboards/ and its frames in a Boords that is down at first (parked, retried, delivered later,
 * nothing duplicated) or refuses the key (parked with the reason); the shooting reference in references/ and the
 * clip fetched by a review tool from the hub's own output URL.
 */
@HubTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreProductionAndProductionDeliveryTest {

    private static final Path HOME = TempHome.create("stage-packages");
    private static final String KEY = "bap_hub_test_key_0123456789";
    private static final BoordsEmulator BOORDS = BoordsEmulator.start(KEY, "p4k9az");
    private static final UploadReceiver REVIEW = UploadReceiver.start("review-token-0123456789");
    private static final int KEYFRAMES = 4;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.media.keyframes", () -> KEYFRAMES);
        registry.add("reelhub.delivery.max-attempts", () -> "3");
        registry.add("reelhub.stages.pre-production.destinations", () -> "storyboard-folder,boords");
        registry.add("reelhub.destinations.boords.base-url", BOORDS::apiUrl);
        registry.add("reelhub.destinations.boords.api-key", () -> KEY);
        registry.add("reelhub.destinations.boords.project-id", () -> "p4k9az");
        // Boords fetches each keyframe from the hub, which serves what storyboard-folder delivered
        registry.add("reelhub.destinations.boords.image-upload", () -> "url");
        registry.add("reelhub.stages.production.destinations", () -> "reference-folder,review-tool");
        registry.add("reelhub.destinations.review-tool.url", () -> REVIEW.baseUrl() + "/api/v2/assets/remote");
        registry.add("reelhub.destinations.review-tool.token", () -> "review-token-0123456789");
    }

    @AfterAll
    static void stopEmulators() {
        BOORDS.close();
        REVIEW.close();
    }

    @Autowired
    TestRestTemplate rest;

    private final Inbox inbox = new Inbox(HOME);

    @Test
    @Order(1)
    void aStoryboardReachesItsFolderAndABoordsThatWasDownOnceRetriedWithoutDuplicates() throws Exception {
        BOORDS.down();
        inbox.drop("storyboard.yaml", Files.readString(Path.of("examples/briefs/storyboard.yaml")));

        JsonNode parked = await().atMost(Duration.ofSeconds(120)).until(() -> job("neon-street-boards"),
                j -> j != null && j.path("state").asText().equals("PARKED"));
        assertThat(parked.path("children")).hasSize(2).allSatisfy(child -> {
            assertThat(delivery(child, "storyboard-folder").path("state").asText()).isEqualTo("DELIVERED");
            JsonNode boords = delivery(child, "boords");
            assertThat(boords.path("state").asText()).isEqualTo("PARKED");
            assertThat(boords.path("attempts").asInt()).isEqualTo(3);
            assertThat(boords.path("error").asText()).startsWith("parked after 3 failed attempts: boords: GET "
                    + BOORDS.apiUrl() + "/projects/p4k9az/storyboards could not connect");
        });
        assertStoryboardPackage(HOME.resolve("storyboards/acme-spring/neon-street-boards/v001"));

        BOORDS.up();
        assertThat(rest.postForEntity("/api/jobs/" + parked.path("id").asText() + "/retry", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode delivered = await().atMost(Duration.ofSeconds(60)).until(() -> job("neon-street-boards"),
                j -> j.path("state").asText().equals("DELIVERED"));

        assertThat(delivered.path("children").findValuesAsText("state")).containsOnly("DELIVERED");
        assertThat(BOORDS.storyboards()).extracting(BoordsEmulator.Storyboard::name)
                .containsExactly("acme-spring/neon-street-boards v001");
        List<BoordsEmulator.Frame> frames = BOORDS.frames(BOORDS.storyboards().get(0).id());
        assertThat(frames).hasSize(2 * KEYFRAMES);
        assertThat(frames).extracting(BoordsEmulator.Frame::reference).doesNotHaveDuplicates()
                .contains("sh010-kf01", "sh020-kf04");
        Path folder = HOME.resolve("storyboards/acme-spring/neon-street-boards/v001");
        for (BoordsEmulator.Frame frame : frames) {
            String file = frame.reference().replace("-kf", "_kf") + ".png";
            assertThat(frame.imageUrl()).contains("/api/jobs/").endsWith("/outputs/" + file);
            assertThat(frame.image()).as(file).isEqualTo(Files.readAllBytes(folder.resolve(file)));
        }
        assertThat(frames.stream().filter(f -> f.reference().equals("sh020-kf01")).findFirst().orElseThrow()
                .action()).isEqualTo("She looks up as a drone passes overhead, then turns away");
    }

    @Test
    @Order(2)
    void aBoordsRefusingTheKeyIsParkedWithAReasonNamingItWhileTheFolderIsDelivered() throws Exception {
        BOORDS.acceptKey("bap_rotated_key");
        inbox.drop("refused.yaml", Files.readString(Path.of("examples/briefs/neon-street.yaml"))
                .replace("id: neon-street", "id: refused-boards").replace("stage: post-production",
                        "stage: pre-production").replace("destinations: [editing-bin]\n", ""));

        JsonNode job = await().atMost(Duration.ofSeconds(90)).until(() -> job("refused-boards"),
                j -> j != null && j.path("state").asText().equals("PARKED"));

        assertThat(delivery(job, "storyboard-folder").path("state").asText()).isEqualTo("DELIVERED");
        JsonNode boords = delivery(job, "boords");
        assertThat(boords.path("state").asText()).isEqualTo("PARKED");
        assertThat(boords.path("error").asText()).isEqualTo("parked after 3 failed attempts: boords: GET "
                + BOORDS.apiUrl() + "/projects/p4k9az/storyboards answered 401: Invalid or missing API key (check"
                + " the destination's credentials in the environment)");
        assertThat(job.path("error").asText()).contains("boords");
        assertThat(job.toString()).doesNotContain(KEY);
        assertThat(HOME.resolve("storyboards/acme-spring/refused-boards/v001/sh010.reelhub.json")).exists();
        assertThat(BOORDS.storyboards()).noneMatch(s -> s.name().startsWith("acme-spring/refused-boards"));
    }

    @Test
    @Order(3)
    void aProductionBriefEndsWithItsShootingReferenceAndTheReviewToolFetchesTheClip() throws Exception {
        inbox.drop("shooting-reference.yaml", Files.readString(Path.of("examples/briefs/shooting-reference.yaml")));

        JsonNode job = await().atMost(Duration.ofSeconds(90)).until(() -> job("harbour-previz"),
                j -> j != null && j.path("state").asText().equals("DELIVERED"));

        Path folder = HOME.resolve("references/acme-spring/harbour-previz/v001");
        assertThat(folder.resolve("sh010_v001.mp4")).exists();
        assertThat(folder.resolve("sh010_kf0" + KEYFRAMES + ".png")).exists();
        assertThat(folder.resolve("sh010.reelhub.json")).exists();
        String text = pdfText(folder.resolve("sh010_reference.pdf"));
        assertThat(text).contains("Camera 35mm film; slow dolly in").contains("Lighting")
                .contains("soft golden light").contains("Action He coils a rope, then looks up as gulls pass"
                        + " overhead");

        assertThat(REVIEW.stored()).hasSize(1);
        UploadReceiver.Stored asked = REVIEW.stored().get(0);
        assertThat(asked.json().path("name").asText()).isEqualTo("harbour-previz_sh010_v001.mp4");
        assertThat(asked.json().path("url").asText()).endsWith("/api/jobs/" + job.path("id").asText()
                + "/outputs/sh010_v001.mp4");
        assertThat(asked.fetched()).isEqualTo(Files.readAllBytes(folder.resolve("sh010_v001.mp4")));
        assertThat(asked.json().path("metadata").path("lineage").path("ai_generated").asBoolean()).isTrue();
        assertThat(delivery(job, "review-tool").path("outputs").get(0).asText())
                .isEqualTo("POST " + REVIEW.baseUrl() + " → 201");
    }

    private static void assertStoryboardPackage(Path folder) throws Exception {
        for (String shot : List.of("sh010", "sh020")) {
            for (int i = 1; i <= KEYFRAMES; i++) {
                assertThat(folder.resolve(StoryboardNames.keyframe(shot, i))).exists();
            }
            assertThat(folder.resolve(shot + ".reelhub.json")).exists();
            BufferedImage sheet = ImageIO.read(folder.resolve(StoryboardNames.contactSheetPng(shot)).toFile());
            int imageHeight = Math.round(ContactSheet.DEFAULT_TILE_WIDTH * 720f / 1280);
            assertThat(sheet.getWidth()).isEqualTo(3 * ContactSheet.DEFAULT_TILE_WIDTH + 4 * ContactSheet.GUTTER);
            assertThat(sheet.getHeight()).isEqualTo(2 * (imageHeight + ContactSheet.LABEL_HEIGHT)
                    + 3 * ContactSheet.GUTTER);
        }
        assertThat(pdfText(folder.resolve("sh010_contact-sheet.pdf"))).contains("Scene")
                .contains("Rain-soaked neon street in Tokyo at night").contains("Characters")
                .contains("Action").contains("She walks toward camera, then stops under a flickering sign")
                .contains("Tone").contains("Style").contains("teal-orange grade");
        List<String> csv = Files.readAllLines(folder.resolve("shot-list.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(1 + 2);
        assertThat(csv.get(1)).startsWith("sh010,1,4,0,4,");
        assertThat(csv.get(2)).startsWith("sh020,2,4,4,8,");
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private JsonNode job(String briefId) {
        return new HubJobs(rest).find("acme-spring", briefId);
    }

    private static JsonNode delivery(JsonNode job, String destination) {
        return HubJobs.delivery(job, destination);
    }
}
