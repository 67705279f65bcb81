package io.reelhub.delivery.storyboard.boords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;


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
import io.reelhub.delivery.storyboard.StoryboardFixtures;
import io.reelhub.delivery.storyboard.StoryboardPackage;
import io.reelhub.delivery.storyboard.StoryboardPackages;
import io.reelhub.support.TempHome;
import io.reelhub.support.emulators.BoordsEmulator;
import io.reelhub.support.emulators.OutputFileServer;

/**
 * The shipped {@code connectors/boords-sink.kamelet.yaml} and its bean against the Boords emulator, in a Camel
 * context holding only them: what Boords ends up with on a happy path, and how the connector behaves when Boords
 * refuses the key, fails, is down, is slow, or loses its answer after creating something.
 */
@CamelSpringBootTest
@SpringBootTest(classes = BoordsSinkTest.BoordsOnly.class, properties = {
        "camel.component.kamelet.location=file:connectors",
        // only this test's routes: the shipped routes/ need the whole hub
        "camel.main.routes-include-pattern=classpath:no-routes/*.yaml"})
class BoordsSinkTest {

    private static final String KEY = "bap_emulator_key_0123456789";
    private static final BoordsEmulator BOORDS = BoordsEmulator.start(KEY, "p4k9az");
    private static final Path WORK = TempHome.create("boords-sink");
    private static final Path DELIVERED = WORK.resolve("storyboards");
    private static final OutputFileServer HUB_FILES = OutputFileServer.serving(DELIVERED);

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KameletComponentAutoConfiguration.class})
    static class BoordsOnly {

        @Bean
        StoryboardPackages storyboardPackages() {
            return delivery -> StoryboardFixtures.storyboard(WORK.resolve(delivery.jobId()),
                    StoryboardFixtures.outline(delivery.version()), delivery.shotId(), 3);
        }

        @Bean
        BoordsPublisher boordsPublisher(StoryboardPackages packages) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("reelhub.public-url",
                    HUB_FILES.publicUrl())));
            return new BoordsPublisher(packages, new OutputUrls(environment));
        }

        @Bean
        RouteBuilder deliverToBoords() {
            String common = "baseUrl=" + BOORDS.apiUrl() + "&projectId=p4k9az";
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:boords").to("kamelet:boords-sink?" + common + "&apiKey=RAW(" + KEY + ")");
                    from("direct:boords-by-url").to("kamelet:boords-sink?" + common + "&apiKey=RAW(" + KEY + ")"
                            + "&imageUpload=url");
                    from("direct:boords-wrong-key").to("kamelet:boords-sink?" + common
                            + "&apiKey=RAW(bap_revoked_key)");
                    from("direct:boords-impatient").to("kamelet:boords-sink?" + common + "&apiKey=RAW(" + KEY
                            + ")&timeoutSeconds=1");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    @AfterEach
    void healBoords() {
        BOORDS.up();
        BOORDS.slow(Duration.ZERO);
        BOORDS.failNext(0, 503);
        BOORDS.loseNextAnswers(0);
    }

    @AfterAll
    static void stopServers() {
        BOORDS.close();
        HUB_FILES.close();
    }

    @Test
    void eachKeyframeBecomesAFrameWithItsImageAndThePromptAsText() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-a"), "job-a", "sh010", 1);

        Exchange done = send("direct:boords", delivery, List.of());

        assertThat(done.getException()).isNull();
        BoordsEmulator.Storyboard storyboard = storyboardNamed("acme-spring/neon-street v001");
        assertThat(storyboard.description()).contains("Opening hook").contains("AI-generated");
        List<BoordsEmulator.Frame> frames = BOORDS.frames(storyboard.id());
        assertThat(frames).extracting(BoordsEmulator.Frame::reference)
                .containsExactly("sh010-kf01", "sh010-kf02", "sh010-kf03");
        StoryboardPackage sent = packageOf(delivery);
        for (int i = 0; i < 3; i++) {
            assertThat(frames.get(i).image()).isEqualTo(Files.readAllBytes(sent.keyframes().get(i).image()));
            assertThat(frames.get(i).sortOrder()).isEqualTo(101 + i);
        }
        assertThat(frames.get(0).action()).isEqualTo("She walks toward camera, then stops");
        assertThat(frames.get(0).notes()).contains("Scene: Rain-soaked neon street")
                .contains("Style: Anamorphic 35mm").contains("keyframe 1 of 3")
                .contains("AI-generated (veo-3.1, seed 42)");
        assertThat(done.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER, List.class)).singleElement()
                .asString().contains("storyboard " + storyboard.id()).contains("3 created, 0 already there");
        assertThat(BOORDS.requests("POST", "/v1/")).allSatisfy(request -> {
            assertThat(request.header("X-API-KEY")).isEqualTo(KEY);
            assertThat(request.header("X-API-CLIENT")).isEqualTo("reelhub");
        });
    }

    @Test
    void theShotsOfOneBriefShareItsStoryboardInShotOrder() throws IOException {
        send("direct:boords", StoryboardFixtures.delivery(WORK.resolve("job-b1"), "job-b1", "sh020", 2), List.of());
        send("direct:boords", StoryboardFixtures.delivery(WORK.resolve("job-b2"), "job-b2", "sh010", 2), List.of());

        BoordsEmulator.Storyboard storyboard = storyboardNamed("acme-spring/neon-street v002");
        assertThat(BOORDS.frames(storyboard.id())).hasSize(6);
        assertThat(BOORDS.frames(storyboard.id()).stream()
                .sorted(java.util.Comparator.comparingInt(BoordsEmulator.Frame::sortOrder))
                .map(BoordsEmulator.Frame::reference)).containsExactly("sh010-kf01", "sh010-kf02", "sh010-kf03",
                "sh020-kf01", "sh020-kf02", "sh020-kf03");
    }

    @Test
    void aDeliveryRepeatedAfterBoordsLostItsAnswersCreatesNothingTwice() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-c"), "job-c", "sh010", 3);
        // Boords creates the storyboard but the answer is lost, as when the hub dies mid-call
        BOORDS.loseNextAnswers(1);

        Exchange first = send("direct:boords", delivery, List.of());
        assertThat(first.getException()).hasMessageContaining("boords: POST").hasMessageContaining("answered 500");
        BOORDS.loseNextAnswers(1);
        Exchange second = send("direct:boords", delivery, List.of());
        assertThat(second.getException()).hasMessageContaining("/frames answered 500");
        Exchange third = send("direct:boords", delivery, List.of());

        assertThat(third.getException()).isNull();
        assertThat(BOORDS.storyboards()).filteredOn(s -> s.name().equals("acme-spring/neon-street v003"))
                .hasSize(1);
        assertThat(BOORDS.frames(storyboardNamed("acme-spring/neon-street v003").id()))
                .extracting(BoordsEmulator.Frame::reference).containsExactly("sh010-kf01", "sh010-kf02", "sh010-kf03");
        assertThat(third.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER, List.class)).singleElement()
                .asString().contains("2 created, 1 already there");

        Exchange again = send("direct:boords", delivery, List.of());
        assertThat(again.getException()).isNull();
        assertThat(BOORDS.frames(storyboardNamed("acme-spring/neon-street v003").id())).hasSize(3);
    }

    @Test
    void aRefusedKeyFailsNamingTheDestinationAndTheAnswerButNeverTheKey() throws IOException {
        int before = BOORDS.storyboards().size();

        Exchange done = send("direct:boords-wrong-key",
                StoryboardFixtures.delivery(WORK.resolve("job-d"), "job-d", "sh010", 4), List.of());

        assertThat(done.getException()).isNotNull();
        String reason = rootMessage(done.getException());
        assertThat(reason).startsWith("boords: GET " + BOORDS.apiUrl() + "/projects/p4k9az/storyboards answered 401")
                .contains("Invalid or missing API key").contains("credentials").doesNotContain("bap_revoked_key");
        assertThat(BOORDS.storyboards()).hasSize(before);
    }

    @Test
    void aBoordsThatFailsIsRetriedByTheNextAttemptWithoutDuplicates() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-e"), "job-e", "sh010", 5);
        BOORDS.failNext(1, 503);

        Exchange failed = send("direct:boords", delivery, List.of());
        assertThat(rootMessage(failed.getException())).contains("answered 503")
                .contains("the service is unavailable");

        BOORDS.down();
        Exchange refused = send("direct:boords", delivery, List.of());
        assertThat(rootMessage(refused.getException())).startsWith("boords: GET").contains("could not connect");

        BOORDS.up();
        Exchange delivered = send("direct:boords", delivery, List.of());
        assertThat(delivered.getException()).isNull();
        assertThat(BOORDS.storyboards()).filteredOn(s -> s.name().equals("acme-spring/neon-street v005"))
                .hasSize(1);
        assertThat(BOORDS.frames(storyboardNamed("acme-spring/neon-street v005").id())).hasSize(3);
    }

    @Test
    void aBoordsSlowerThanTheTimeoutFailsTheAttemptInsteadOfHanging() throws IOException {
        BOORDS.slow(Duration.ofSeconds(3));

        Exchange done = send("direct:boords-impatient",
                StoryboardFixtures.delivery(WORK.resolve("job-f"), "job-f", "sh010", 6), List.of());

        assertThat(rootMessage(done.getException())).startsWith("boords: GET").endsWith("got no answer within 1 s");
    }

    @Test
    void byUrlBoordsFetchesEachKeyframeFromTheHubsOutputUrls() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-g"), "job-g", "sh010", 7);
        StoryboardPackage storyboard = packageOf(delivery);
        Files.createDirectories(DELIVERED);
        List<String> delivered = new java.util.ArrayList<>();
        for (var frame : storyboard.keyframes()) {
            delivered.add(Files.copy(frame.image(), DELIVERED.resolve(frame.fileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING).toString());
        }

        Exchange done = send("direct:boords-by-url", delivery, delivered);

        assertThat(done.getException()).isNull();
        List<BoordsEmulator.Frame> frames = BOORDS.frames(storyboardNamed("acme-spring/neon-street v007").id());
        assertThat(frames).hasSize(3);
        assertThat(frames.get(0).imageUrl()).isEqualTo(HUB_FILES.publicUrl()
                + "/api/jobs/job-g/outputs/sh010_kf01.png");
        assertThat(frames.get(0).image()).isEqualTo(Files.readAllBytes(storyboard.keyframes().get(0).image()));
    }

    @Test
    void byUrlWithoutTheKeyframesDeliveredFirstFailsSayingWhatToList() throws IOException {
        Exchange done = send("direct:boords-by-url",
                StoryboardFixtures.delivery(WORK.resolve("job-h"), "job-h", "sh010", 8), List.of());

        assertThat(rootMessage(done.getException())).contains("sh010_kf01.png was not delivered yet")
                .contains("storyboard-folder").contains("imageUpload base64");
        assertThat(BOORDS.storyboards()).noneMatch(s -> s.name().equals("acme-spring/neon-street v008"));
    }

    private Exchange send(String endpoint, Delivery delivery, List<String> delivered) {
        return producer.request(endpoint, exchange -> {
            exchange.getMessage().setBody(delivery);
            exchange.getMessage().setHeader(DeliveryRoutes.DESTINATION_HEADER, "boords");
            exchange.getMessage().setHeader(DeliveryRoutes.DELIVERED_HEADER, delivered);
        });
    }

    private static StoryboardPackage packageOf(Delivery delivery) throws IOException {
        return StoryboardFixtures.storyboard(WORK.resolve(delivery.jobId()),
                StoryboardFixtures.outline(delivery.version()), delivery.shotId(), 3);
    }

    private static BoordsEmulator.Storyboard storyboardNamed(String name) {
        return BOORDS.storyboards().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no storyboard " + name + " in " + BOORDS.storyboards()));
    }

    /** The innermost message, as the hub records it for the delivery (Camel wraps the bean's exception). */
    private static String rootMessage(Throwable failure) {
        assertThat(failure).as("the attempt failed").isNotNull();
        String message = failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            message = cause.getMessage() != null ? cause.getMessage() : message;
        }
        return message;
    }
}
