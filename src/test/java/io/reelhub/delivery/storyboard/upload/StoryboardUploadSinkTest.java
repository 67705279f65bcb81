package io.reelhub.delivery.storyboard.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import io.reelhub.delivery.bin.FileDigest;
import io.reelhub.delivery.storyboard.StoryboardFixtures;
import io.reelhub.delivery.storyboard.StoryboardPackage;
import io.reelhub.delivery.storyboard.StoryboardPackages;
import io.reelhub.support.TempHome;
import io.reelhub.support.emulators.UploadReceiver;

/**
 * The shipped {@code connectors/storyboard-upload-sink.kamelet.yaml} and its bean against a receiving server: the
 * multipart body it gets, and what it holds after a refused token, a failure, an outage or a lost answer.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StoryboardUploadSinkTest.UploadOnly.class, properties = {
        "camel.component.kamelet.location=file:connectors",
        "camel.main.routes-include-pattern=classpath:no-routes/*.yaml"})
class StoryboardUploadSinkTest {

    private static final String TOKEN = "upload-token-0123456789";
    private static final UploadReceiver RECEIVER = UploadReceiver.start(TOKEN);
    private static final Path WORK = TempHome.create("storyboard-upload");

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KameletComponentAutoConfiguration.class})
    @Import(StoryboardUploader.class)
    static class UploadOnly {

        @Bean
        StoryboardPackages storyboardPackages() {
            return delivery -> StoryboardFixtures.storyboard(WORK.resolve(delivery.jobId()),
                    StoryboardFixtures.outline(delivery.version()), delivery.shotId(), 3);
        }

        @Bean
        RouteBuilder deliverByUpload() {
            String url = RECEIVER.baseUrl() + "/api/secret-path/packages";
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to("kamelet:storyboard-upload-sink?url=" + url + "&token=RAW(" + TOKEN
                            + ")");
                    from("direct:upload-wrong-token").to("kamelet:storyboard-upload-sink?url=" + url
                            + "&token=RAW(stale-token)");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void healReceiver() {
        RECEIVER.up();
        RECEIVER.failNext(0, 503);
        RECEIVER.loseNextAnswers(0);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void thePackageArrivesAsMetadataThenOneFilePartPerFileWithTheirBytes() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-a"), "job-a", "sh010", 1);
        int before = RECEIVER.stored().size();

        Exchange done = send("direct:upload", delivery);

        assertThat(done.getException()).isNull();
        assertThat(RECEIVER.stored()).hasSize(before + 1);
        UploadReceiver.Stored upload = RECEIVER.stored().get(before);
        assertThat(upload.key()).isEqualTo("job-a.storyboard-upload");
        assertThat(upload.parts().get(0).name()).isEqualTo("metadata");
        assertThat(upload.parts().get(0).contentType()).isEqualTo("application/json");
        StoryboardPackage sent = StoryboardFixtures.storyboard(WORK.resolve("job-a"), StoryboardFixtures.outline(1),
                "sh010", 3);
        List<UploadReceiver.Part> files = upload.parts("files");
        assertThat(files).extracting(UploadReceiver.Part::fileName).containsExactly("sh010_kf01.png",
                "sh010_kf02.png", "sh010_kf03.png", "sh010_contact-sheet.png", "sh010_contact-sheet.pdf",
                "shot-list.csv", "shot-list.json");
        for (int i = 0; i < files.size(); i++) {
            assertThat(files.get(i).bytes()).isEqualTo(Files.readAllBytes(sent.files().get(i)));
        }
        assertThat(files.get(5).contentType()).isEqualTo("text/csv");
        JsonNode metadata = json.readTree(upload.parts().get(0).bytes());
        assertThat(metadata.path("brief_id").asText()).isEqualTo("neon-street");
        assertThat(metadata.path("version").asText()).isEqualTo("v001");
        assertThat(metadata.path("files").get(0).path("sha256").asText())
                .isEqualTo(FileDigest.of(sent.keyframes().get(0).image()).sha256());
        assertThat(metadata.path("shot_list").path("shots")).hasSize(2);
        assertThat(metadata.path("lineage").path("ai_generated").asBoolean()).isTrue();
        assertThat(RECEIVER.requests("POST", "/api/").get(RECEIVER.requests("POST", "/api/").size() - 1)
                .header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(done.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER, List.class)).containsExactly(
                "POST " + RECEIVER.baseUrl() + " → 201 (7 files)");
    }

    @Test
    void aRefusedTokenFailsNamingTheDestinationButNeitherTheTokenNorTheUrlsPath() throws IOException {
        int before = RECEIVER.stored().size();

        Exchange done = send("direct:upload-wrong-token",
                StoryboardFixtures.delivery(WORK.resolve("job-b"), "job-b", "sh010", 1));

        assertThat(rootMessage(done.getException())).isEqualTo("storyboard-upload: POST " + RECEIVER.baseUrl()
                + " answered 401: invalid or missing token (check the destination's credentials in the environment)");
        assertThat(RECEIVER.stored()).hasSize(before);
    }

    @Test
    void aFailureAnOutageAndALostAnswerStillStoreThePackageOnce() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-c"), "job-c", "sh020", 1);
        int before = RECEIVER.stored().size();
        RECEIVER.failNext(1, 503);
        assertThat(rootMessage(send("direct:upload", delivery).getException())).contains("answered 503");
        RECEIVER.down();
        assertThat(rootMessage(send("direct:upload", delivery).getException()))
                .startsWith("storyboard-upload: POST " + RECEIVER.baseUrl() + " could not connect")
                .doesNotContain("secret-path");
        RECEIVER.up();
        RECEIVER.loseNextAnswers(1);
        assertThat(rootMessage(send("direct:upload", delivery).getException())).contains("answered 500");

        Exchange done = send("direct:upload", delivery);

        assertThat(done.getException()).isNull();
        assertThat(RECEIVER.stored()).hasSize(before + 1);
    }

    private Exchange send(String endpoint, Delivery delivery) {
        return producer.request(endpoint, exchange -> {
            exchange.getMessage().setBody(delivery);
            exchange.getMessage().setHeader(DeliveryRoutes.DESTINATION_HEADER, "storyboard-upload");
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
