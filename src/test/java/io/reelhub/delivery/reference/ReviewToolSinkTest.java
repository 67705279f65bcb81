package io.reelhub.delivery.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.springboot.KameletComponentAutoConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.reelhub.outputs.OutputUrls;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.storyboard.LedgerFixtures;
import io.reelhub.delivery.storyboard.StoryboardFixtures;
import io.reelhub.support.TempHome;
import io.reelhub.support.emulators.OutputFileServer;
import io.reelhub.support.emulators.UploadReceiver;

/**
 * The shipped {@code connectors/review-tool-sink.kamelet.yaml} and its bean against a review tool that uploads by
 * URL (it fetches the clip from the URL it is given): what it is asked, what it fetches, and what it holds after
 * a refused token, a failure and a lost answer.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ReviewToolSinkTest.ReviewOnly.class, properties = {
        "camel.component.kamelet.location=file:connectors",
        "camel.main.routes-include-pattern=classpath:no-routes/*.yaml"})
class ReviewToolSinkTest {

    private static final String TOKEN = "review-token-0123456789";
    private static final UploadReceiver TOOL = UploadReceiver.start(TOKEN);
    private static final Path WORK = TempHome.create("review-tool");
    private static final Path DELIVERED = WORK.resolve("references");
    private static final OutputFileServer HUB_FILES = OutputFileServer.serving(DELIVERED);
    private static final LedgerFixtures LEDGER = LedgerFixtures.create();

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KameletComponentAutoConfiguration.class})
    static class ReviewOnly {

        @Bean
        ReviewToolSender reviewToolSender() {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("reelhub.public-url",
                    HUB_FILES.publicUrl() + "/")));
            return new ReviewToolSender(LEDGER.outlines(), new OutputUrls(environment));
        }

        @Bean
        RouteBuilder deliverToReviewTool() {
            String url = TOOL.baseUrl() + "/api/v2/assets/remote";
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:review").to("kamelet:review-tool-sink?url=" + url + "&token=RAW(" + TOKEN + ")");
                    from("direct:review-wrong-token").to("kamelet:review-tool-sink?url=" + url
                            + "&token=RAW(stale-token)");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    @AfterEach
    void healTool() {
        TOOL.failNext(0, 503);
        TOOL.loseNextAnswers(0);
    }

    @AfterAll
    static void stopServers() {
        TOOL.close();
        HUB_FILES.close();
    }

    @Test
    void theToolIsAskedToFetchTheDeliveredClipWithTheShootingNotesAndLineage() throws IOException {
        Delivery delivery = production("sh010");
        int before = TOOL.stored().size();

        Exchange done = send("direct:review", delivery, delivered(delivery));

        assertThat(done.getException()).isNull();
        UploadReceiver.Stored asked = TOOL.stored().get(before);
        JsonNode body = asked.json();
        assertThat(body.path("name").asText()).isEqualTo("neon-street_sh010_v001.mp4");
        assertThat(body.path("url").asText()).isEqualTo(HUB_FILES.publicUrl()
                + "/api/jobs/" + delivery.jobId() + "/outputs/sh010_v001.mp4");
        assertThat(asked.fetched()).isEqualTo(Files.readAllBytes(delivery.clip()));
        JsonNode notes = body.path("metadata").path("notes");
        assertThat(notes.path("camera").asText()).isEqualTo("Anamorphic 35mm; shallow depth of field");
        assertThat(notes.path("lighting").asText()).contains("teal-orange grade")
                .contains("Rain-soaked neon street in Tokyo at night").doesNotContain("drizzle");
        assertThat(notes.path("action").asText()).isEqualTo("She walks toward camera");
        assertThat(body.path("metadata").path("lineage").path("seed").asLong()).isEqualTo(42);
        assertThat(asked.key()).isEqualTo(delivery.jobId() + ".review-tool");
        assertThat(done.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER, List.class))
                .containsExactly("POST " + TOOL.baseUrl() + " → 201");
    }

    @Test
    void aRefusedTokenFailsNamingTheDestinationButNeitherTheTokenNorTheUrlsPath() throws IOException {
        Delivery delivery = production("sh020");

        Exchange done = send("direct:review-wrong-token", delivery, delivered(delivery));

        assertThat(rootMessage(done.getException())).startsWith("review-tool: POST " + TOOL.baseUrl()
                + " answered 401").doesNotContain("/api/v2").doesNotContain("stale-token");
    }

    @Test
    void aFailureAndALostAnswerStillCreateTheAssetOnce() throws IOException {
        Delivery delivery = production("sh030");
        int before = TOOL.stored().size();
        TOOL.failNext(1, 502);
        assertThat(rootMessage(send("direct:review", delivery, delivered(delivery)).getException()))
                .contains("answered 502");
        TOOL.loseNextAnswers(1);
        assertThat(rootMessage(send("direct:review", delivery, delivered(delivery)).getException()))
                .contains("answered 500");

        Exchange done = send("direct:review", delivery, delivered(delivery));

        assertThat(done.getException()).isNull();
        assertThat(TOOL.stored()).hasSize(before + 1);
    }

    @Test
    void aClipNotDeliveredByAFolderDestinationFirstFailsSayingWhatToList() throws IOException {
        Exchange done = send("direct:review", production("sh040"), List.of("POST https://hooks.example → 200"));

        assertThat(rootMessage(done.getException())).contains("sh040_v001.mp4 was not delivered yet")
                .contains("reference-folder");
    }

    private static Delivery production(String shot) throws IOException {
        String job = LEDGER.single(LedgerFixtures.brief("neon-street", "production"), 1,
                LedgerFixtures.spec(shot, 4, 42L));
        return StoryboardFixtures.delivery(WORK.resolve(job), job, shot, 1);
    }

    /** What a reference folder delivered before the review tool: the clip under its version name. */
    private static List<String> delivered(Delivery delivery) throws IOException {
        Files.createDirectories(DELIVERED);
        Path copy = DELIVERED.resolve(delivery.shotId() + "_v001.mp4");
        Files.copy(delivery.clip(), copy, StandardCopyOption.REPLACE_EXISTING);
        return List.of(copy.toString());
    }

    private Exchange send(String endpoint, Delivery delivery, List<String> delivered) {
        return producer.request(endpoint, exchange -> {
            exchange.getMessage().setBody(delivery);
            exchange.getMessage().setHeader(DeliveryRoutes.DESTINATION_HEADER, "review-tool");
            exchange.getMessage().setHeader(DeliveryRoutes.DELIVERED_HEADER, delivered);
        });
    }

    private static String rootMessage(Throwable failure) {
        assertThat(failure).as("the attempt failed").isNotNull();
        String message = failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            message = cause.getMessage() != null ? cause.getMessage() : message;
        }
        return message;
    }
}
