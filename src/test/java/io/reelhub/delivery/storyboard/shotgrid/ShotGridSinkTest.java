package io.reelhub.delivery.storyboard.shotgrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.springframework.context.annotation.Import;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.storyboard.StoryboardFixtures;
import io.reelhub.support.TempHome;
import io.reelhub.support.emulators.ShotGridEmulator;

/**
 * The shipped {@code connectors/shotgrid-sink.kamelet.yaml} and its bean against the ShotGrid emulator: the Version
 * and Shot it creates, the movie it uploads, and what happens when the site refuses the script, forgets the token,
 * fails, is slow, or loses its answer after doing the work.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ShotGridSinkTest.ShotGridOnly.class, properties = {
        "camel.component.kamelet.location=file:connectors",
        "camel.main.routes-include-pattern=classpath:no-routes/*.yaml"})
class ShotGridSinkTest {

    private static final String KEY = "sg-script-key-0123456789abcdef";
    private static final ShotGridEmulator SHOTGRID = ShotGridEmulator.start("reelhub", KEY, 122);
    private static final Path WORK = TempHome.create("shotgrid-sink");

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KameletComponentAutoConfiguration.class})
    @Import(ShotGridPublisher.class)
    static class ShotGridOnly {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        RouteBuilder deliverToShotGrid() {
            String common = "siteUrl=" + SHOTGRID.baseUrl() + "&scriptName=reelhub&projectId=122";
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:shotgrid").to("kamelet:shotgrid-sink?" + common + "&scriptKey=RAW(" + KEY + ")");
                    from("direct:shotgrid-wrong-key").to("kamelet:shotgrid-sink?" + common
                            + "&scriptKey=RAW(not-the-key)");
                    from("direct:shotgrid-impatient").to("kamelet:shotgrid-sink?" + common + "&scriptKey=RAW("
                            + KEY + ")&timeoutSeconds=1");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    @AfterEach
    void healShotGrid() {
        SHOTGRID.up();
        SHOTGRID.slow(Duration.ZERO);
        SHOTGRID.failNext(0, 503);
        SHOTGRID.loseNextAnswers(0);
    }

    @AfterAll
    static void stopShotGrid() {
        SHOTGRID.close();
    }

    @Test
    void aClipBecomesAVersionOfItsShotWithTheLineageAndItsMovieUploaded() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-a"), "job-a", "sh010", 1);
        String frames = WORK.resolve("storyboards/acme-spring/neon-street/v001/sh010_kf01.png").toString();
        int tokensBefore = SHOTGRID.requests("POST", "/api/v1/auth/access_token").size();

        Exchange done = send("direct:shotgrid", delivery, List.of(frames));

        assertThat(done.getException()).isNull();
        ShotGridEmulator.Entity version = version("neon-street_sh010_v001");
        ShotGridEmulator.Entity shot = SHOTGRID.shots().stream()
                .filter(s -> s.field("code").equals("neon-street_sh010")).findFirst().orElseThrow();
        assertThat(version.field("entity")).isEqualTo(Map.of("type", "Shot", "id", (int) shot.id()));
        assertThat(version.field("project")).isEqualTo(Map.of("type", "Project", "id", 122));
        assertThat(version.field("sg_status_list")).isEqualTo("rev");
        assertThat(version.field("sg_path_to_frames"))
                .isEqualTo(WORK.resolve("storyboards/acme-spring/neon-street/v001/sh010_kf%02d.png").toString());
        assertThat((String) version.field("description")).contains("AI-generated")
                .contains("trainedAlgorithmicMedia").contains("Brief neon-street v001, shot sh010")
                .contains("Model veo-3.1 via sandbox (job sbx-op-4711), seed 42")
                .contains("Prompt: Scene: Rain-soaked neon street");
        ShotGridEmulator.Upload movie = SHOTGRID.uploads().stream().filter(u -> u.entityId() == version.id())
                .findFirst().orElseThrow();
        assertThat(movie.field()).isEqualTo("sg_uploaded_movie");
        assertThat(movie.fileName()).isEqualTo("clip.mp4");
        assertThat(movie.displayName()).isEqualTo("sh010_v001.mp4");
        assertThat(movie.bytes()).isEqualTo(Files.readAllBytes(delivery.clip()));
        assertThat(done.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER, List.class)).singleElement()
                .asString().contains("Version " + version.id() + " 'neon-street_sh010_v001'")
                .contains(SHOTGRID.baseUrl() + "/detail/Version/" + version.id()).contains("movie uploaded");
        assertThat(SHOTGRID.requests("POST", "/api/v1/auth/access_token").size() - tokensBefore)
                .as("at most one token request for the whole delivery").isLessThanOrEqualTo(1);
    }

    @Test
    void aLaterVersionOfTheSameShotLinksToTheExistingShot() throws IOException {
        send("direct:shotgrid", StoryboardFixtures.delivery(WORK.resolve("job-b1"), "job-b1", "sh020", 1), List.of());
        send("direct:shotgrid", StoryboardFixtures.delivery(WORK.resolve("job-b2"), "job-b2", "sh020", 2), List.of());

        assertThat(SHOTGRID.shots()).filteredOn(s -> s.field("code").equals("neon-street_sh020")).hasSize(1);
        assertThat(version("neon-street_sh020_v001").field("entity"))
                .isEqualTo(version("neon-street_sh020_v002").field("entity"));
        assertThat(version("neon-street_sh020_v002").fields()).doesNotContainKey("sg_path_to_frames");
    }

    @Test
    void aDeliveryRepeatedAfterShotGridLostItsAnswersCreatesAndUploadsNothingTwice() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-c"), "job-c", "sh030", 1);
        // the Shot is created but the answer is lost, as when the hub dies mid-call; then the same for the Version
        SHOTGRID.loseNextAnswers(1, "/entity/shots");
        assertThat(rootMessage(send("direct:shotgrid", delivery, List.of()).getException()))
                .contains("/api/v1/entity/shots answered 500");
        SHOTGRID.loseNextAnswers(1, "/entity/versions");
        assertThat(rootMessage(send("direct:shotgrid", delivery, List.of()).getException()))
                .contains("/api/v1/entity/versions answered 500");

        Exchange third = send("direct:shotgrid", delivery, List.of());

        assertThat(third.getException()).isNull();
        assertThat(SHOTGRID.shots()).filteredOn(s -> s.field("code").equals("neon-street_sh030")).hasSize(1);
        assertThat(SHOTGRID.versions()).filteredOn(v -> v.field("code").equals("neon-street_sh030_v001"))
                .hasSize(1);
        assertThat(SHOTGRID.uploads()).filteredOn(u -> u.entityId() == version("neon-street_sh030_v001").id())
                .hasSize(1);
    }

    @Test
    void aMovieLinkedBeforeTheAnswerWasLostIsNotUploadedAgain() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-d"), "job-d", "sh040", 1);
        SHOTGRID.loseNextAnswers(1, "/sg_uploaded_movie/_upload");
        assertThat(rootMessage(send("direct:shotgrid", delivery, List.of()).getException()))
                .contains("/sg_uploaded_movie/_upload answered 500");

        Exchange again = send("direct:shotgrid", delivery, List.of());

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER, List.class)).singleElement()
                .asString().contains("already complete");
        assertThat(SHOTGRID.uploads()).filteredOn(u -> u.entityId() == version("neon-street_sh040_v001").id())
                .hasSize(1);
        assertThat(SHOTGRID.versions()).filteredOn(v -> v.field("code").equals("neon-street_sh040_v001"))
                .hasSize(1);
    }

    @Test
    void aRefusedScriptFailsNamingTheDestinationButNeverTheKey() throws IOException {
        int versions = SHOTGRID.versions().size();

        Exchange done = send("direct:shotgrid-wrong-key",
                StoryboardFixtures.delivery(WORK.resolve("job-e"), "job-e", "sh010", 5), List.of());

        assertThat(rootMessage(done.getException()))
                .startsWith("shotgrid: POST " + SHOTGRID.baseUrl() + "/api/v1/auth/access_token answered 400")
                .contains("Can't authenticate script 'reelhub'").contains("script name and key")
                .doesNotContain("not-the-key");
        assertThat(SHOTGRID.versions()).hasSize(versions);
    }

    @Test
    void anExpiredTokenIsRenewedWithinTheAttempt() throws IOException {
        send("direct:shotgrid", StoryboardFixtures.delivery(WORK.resolve("job-f1"), "job-f1", "sh050", 1), List.of());
        SHOTGRID.expireTokens();

        Exchange done = send("direct:shotgrid",
                StoryboardFixtures.delivery(WORK.resolve("job-f2"), "job-f2", "sh050", 2), List.of());

        assertThat(done.getException()).isNull();
        assertThat(version("neon-street_sh050_v002")).isNotNull();
    }

    @Test
    void aSiteThatFailsOrIsDownIsRetriedByTheNextAttemptWithoutDuplicates() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-g"), "job-g", "sh060", 1);
        SHOTGRID.failNext(1, 503);
        assertThat(rootMessage(send("direct:shotgrid", delivery, List.of()).getException()))
                .contains("answered 503");
        SHOTGRID.down();
        assertThat(rootMessage(send("direct:shotgrid", delivery, List.of()).getException()))
                .startsWith("shotgrid: POST").contains("could not connect");
        SHOTGRID.up();

        Exchange done = send("direct:shotgrid", delivery, List.of());

        assertThat(done.getException()).isNull();
        assertThat(SHOTGRID.versions()).filteredOn(v -> v.field("code").equals("neon-street_sh060_v001"))
                .hasSize(1);
        assertThat(SHOTGRID.uploads()).filteredOn(u -> u.entityId() == version("neon-street_sh060_v001").id())
                .hasSize(1);
    }

    @Test
    void aSiteSlowerThanTheTimeoutFailsTheAttemptInsteadOfHanging() throws IOException {
        SHOTGRID.slow(Duration.ofSeconds(3));

        Exchange done = send("direct:shotgrid-impatient",
                StoryboardFixtures.delivery(WORK.resolve("job-h"), "job-h", "sh070", 1), List.of());

        assertThat(rootMessage(done.getException())).startsWith("shotgrid: POST")
                .endsWith("got no answer within 1 s");
    }

    private Exchange send(String endpoint, Delivery delivery, List<String> delivered) {
        return producer.request(endpoint, exchange -> {
            exchange.getMessage().setBody(delivery);
            exchange.getMessage().setHeader(DeliveryRoutes.DESTINATION_HEADER, "shotgrid");
            exchange.getMessage().setHeader(DeliveryRoutes.DELIVERED_HEADER, delivered);
        });
    }

    private static ShotGridEmulator.Entity version(String code) {
        return SHOTGRID.versions().stream().filter(v -> v.field("code").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no Version " + code));
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
