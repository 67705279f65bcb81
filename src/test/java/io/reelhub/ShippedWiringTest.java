package io.reelhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.TempHome;
import io.reelhub.support.WebhookReceiver;

/**
 * Every file in routes/ and connectors/ as shipped, loaded into the running hub with post-production feeding all
 * four shipped connectors; one brief then reaches each of them.
 */
@HubTest
class ShippedWiringTest {

    private static final Path HOME = TempHome.create("shipped-wiring");
    private static final Path REVIEW = createFolder(HOME.resolve("review-share"));
    private static final WebhookReceiver WEBHOOK = WebhookReceiver.start();
    private static final WebhookReceiver SLACK = WebhookReceiver.start();
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "shipped-wiring-test-signing-key!".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.stages.post-production.destinations", () -> "editing-bin,folder,webhook,slack");
        registry.add("reelhub.destinations.folder.folder", REVIEW::toString);
        registry.add("reelhub.destinations.webhook.url", () -> WEBHOOK.url("/hooks/reelhub"));
        registry.add("reelhub.destinations.webhook.secret", () -> SECRET);
        registry.add("reelhub.destinations.slack.webhook-url", () -> SLACK.url("/services/T0/B0/secret"));
    }

    @AfterAll
    static void stopReceivers() {
        WEBHOOK.close();
        SLACK.close();
    }

    @Autowired
    CamelContext camel;
    @Autowired
    TestRestTemplate rest;

    @Test
    void everyShippedRouteConnectorAndRouteConfigurationIsLoadedAndStarted() throws IOException {
        Set<String> ids = camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
        assertThat(ids).contains("intake-folder", "job-pump", "job-steps", "deliver-to-editing-bin",
                "deliver-to-folder", "deliver-to-webhook", "deliver-to-slack", "deliver-to-concept-board");
        // channels switched off by configuration (mail, S3) are loaded but not started
        assertThat(camel.getRoutes()).filteredOn(Route::isAutoStartup).isNotEmpty().allSatisfy(route ->
                assertThat(camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted())
                        .as(route.getRouteId()).isTrue());

        Set<String> kamelets = camel.getRoutes().stream().filter(Route::isCreatedByKamelet)
                .map(Route::getRouteId).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(Path.of("connectors"))) {
            List<String> shipped = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".kamelet.yaml"))
                    .map(name -> name.substring(0, name.length() - ".kamelet.yaml".length())).toList();
            assertThat(shipped).containsExactlyInAnyOrder("editing-bin-sink", "folder-sink", "slack-sink",
                    "webhook-sink", "s3-sink", "concept-board-sink", "social-outbox-sink", "buffer-sink",
                    "ayrshare-sink", "social-webhook-sink", "storyboard-folder-sink", "reference-folder-sink",
                    "boords-sink", "shotgrid-sink", "storyboard-upload-sink", "review-tool-sink", "package-s3-sink");
            // these need an account and are shipped for integrators to add; the others are wired by the default
            // stage table
            Set<String> forIntegrators = Set.of("s3-sink", "buffer-sink", "ayrshare-sink", "social-webhook-sink",
                    "boords-sink", "shotgrid-sink", "storyboard-upload-sink", "review-tool-sink", "package-s3-sink");
            assertThat(shipped).filteredOn(kamelet -> !forIntegrators.contains(kamelet))
                    .allSatisfy(kamelet -> assertThat(kamelets).anyMatch(id -> id.startsWith(kamelet)));
        }
        ModelCamelContext model = (ModelCamelContext) camel;
        assertThat(model.getRouteConfigurationDefinition("hub-errors")).isNotNull();
        assertThat(model.getRouteTemplateDefinition("deliver-to-destination")).isNotNull();
    }

    @Test
    void oneBriefReachesEveryShippedConnector() throws Exception {
        String brief = Files.readString(Path.of("examples/briefs/neon-street.yaml"))
                .replace("destinations: [editing-bin]\n", "");
        new Inbox(HOME).drop("neon-street.yaml", brief);

        await().atMost(Duration.ofSeconds(90)).until(() -> !SLACK.requests().isEmpty());

        Path bin = HOME.resolve("bins/acme-spring/neon-street");
        assertThat(bin.resolve("sh010_v001.mp4")).exists();
        Path review = REVIEW.resolve("acme-spring/neon-street");
        assertThat(review.resolve("sh010_v001.mp4")).hasSameBinaryContentAs(bin.resolve("sh010_v001.mp4"));
        assertThat(review.resolve("sh010_v001.reelhub.json")).exists();

        WebhookReceiver.Request hook = WEBHOOK.requests().get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        String signed = hook.header("webhook-id") + "." + hook.header("webhook-timestamp") + "." + hook.body();
        assertThat(hook.header("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
        JsonNode notice = new ObjectMapper().readTree(hook.body());
        List<String> outputs = new ArrayList<>();
        notice.path("outputs").forEach(output -> outputs.add(Path.of(output.asText()).getFileName().toString()));
        assertThat(outputs).as("the bin's seven files (the clip's, the brief's timeline) and the review folder's two")
                .containsExactly("sh010_v001.mp4", "sh010_v001.otio", "sh010_v001.reelhub.json",
                        "neon-street_v001.fcpxml", "neon-street_v001.otio", "neon-street_v001.ale",
                        "neon-street_v001.edl", "sh010_v001.mp4", "sh010_v001.reelhub.json");

        String slack = new ObjectMapper().readTree(SLACK.requests().get(0).body()).path("text").asText();
        assertThat(slack).contains("acme-spring / neon-street sh010 v001").contains(review.toString());

        JsonNode jobs = rest.getForObject("/api/jobs?project=acme-spring", JsonNode.class);
        JsonNode job = await().atMost(Duration.ofSeconds(10)).until(
                () -> rest.getForObject("/api/jobs/" + jobs.get(0).path("id").asText(), JsonNode.class),
                j -> j.path("state").asText().equals("DELIVERED"));
        assertThat(job.path("deliveries").findValuesAsText("destination"))
                .containsExactly("editing-bin", "folder", "webhook", "slack");
        assertThat(job.path("deliveries").findValuesAsText("state")).containsOnly("DELIVERED");
        assertThat(job.toString()).as("no secret in the API").doesNotContain("secret").doesNotContain(SECRET);
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
