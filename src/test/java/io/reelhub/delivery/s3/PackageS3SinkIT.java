package io.reelhub.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.springboot.KameletComponentAutoConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.reference.ReferencePackager;
import io.reelhub.delivery.storyboard.LedgerFixtures;
import io.reelhub.delivery.storyboard.PackageClips;
import io.reelhub.delivery.storyboard.StoryboardFixtures;
import io.reelhub.delivery.storyboard.StoryboardPackages;
import io.reelhub.media.ContactSheet;
import io.reelhub.media.KeyframeExtractor;
import io.reelhub.support.S3MockServer;
import io.reelhub.support.TempHome;

/**
 * The shipped {@code connectors/package-s3-sink.kamelet.yaml} against a real S3 server (S3Mock as its own process):
 * a storyboard package and a shooting reference land in the folders' layout, the manifest last, and a repeated
 * delivery rewrites nothing.
 */
@CamelSpringBootTest
@SpringBootTest(classes = PackageS3SinkIT.PackagesOnly.class, properties = {
        "camel.component.kamelet.location=file:connectors",
        "camel.main.routes-include-pattern=classpath:no-routes/*.yaml"})
class PackageS3SinkIT {

    private static final S3MockServer S3 = S3MockServer.start("packages");
    private static final Path WORK = TempHome.create("package-s3");
    private static final LedgerFixtures LEDGER = LedgerFixtures.create();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("test.s3.endpoint", S3::endpoint);
        registry.add("test.s3.access-key", () -> S3MockServer.ACCESS_KEY);
        registry.add("test.s3.secret-key", () -> S3MockServer.SECRET_KEY);
    }

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KameletComponentAutoConfiguration.class})
    static class PackagesOnly {

        @Bean
        S3PackageWriter s3PackageWriter() {
            StoryboardPackages storyboards = delivery -> StoryboardFixtures.storyboard(
                    WORK.resolve(delivery.jobId()), StoryboardFixtures.outline(delivery.version()),
                    delivery.shotId(), 3);
            ReferencePackager references = new ReferencePackager(LEDGER.outlines(),
                    new KeyframeExtractor(PackageClips.BINARIES), new ContactSheet(), 2);
            return new S3PackageWriter(storyboards, references, Clock.systemUTC());
        }

        @Bean
        RouteBuilder deliverPackagesToS3() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:deliver").to("kamelet:package-s3-sink?bucketName=packages&prefix=preprod/"
                            + "&forcePathStyle=true&uriEndpointOverride={{test.s3.endpoint}}"
                            + "&accessKey=RAW({{test.s3.access-key}})&secretKey=RAW({{test.s3.secret-key}})");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    private final S3Client s3 = S3.client();

    @AfterAll
    static void stopS3() {
        S3.close();
    }

    @Test
    void aStoryboardPackageLandsInTheFoldersLayoutWithItsManifest() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-a"), "job-a", "sh010", 1);

        Exchange done = send(delivery);

        assertThat(done.getException()).isNull();
        String folder = "preprod/acme-spring/neon-street/v001/";
        assertThat(keys(folder)).containsOnlyKeys(folder + "sh010_kf01.png", folder + "sh010_kf02.png",
                folder + "sh010_kf03.png", folder + "sh010_contact-sheet.png", folder + "sh010_contact-sheet.pdf",
                folder + "shot-list.csv", folder + "shot-list.json", folder + "sh010.reelhub.json");
        assertThat(read(folder + "sh010_kf02.png")).isEqualTo(Files.readAllBytes(WORK.resolve("job-a/sh010_kf02.png")));
        JsonNode manifest = new ObjectMapper().readTree(read(folder + "sh010.reelhub.json"));
        assertThat(manifest.path("kind").asText()).isEqualTo("storyboard");
        assertThat(manifest.path("files")).hasSize(7);
        assertThat(done.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER, List.class)).hasSize(8).last()
                .isEqualTo("s3://packages/" + folder + "sh010.reelhub.json");
    }

    @Test
    void aRepeatedDeliveryRewritesNothing() throws IOException {
        Delivery delivery = StoryboardFixtures.delivery(WORK.resolve("job-b"), "job-b", "sh020", 2);
        send(delivery);
        Map<String, String> before = keys("preprod/acme-spring/neon-street/v002/");

        Exchange again = send(delivery);

        assertThat(again.getException()).isNull();
        assertThat(keys("preprod/acme-spring/neon-street/v002/")).isEqualTo(before);
    }

    @Test
    void aShootingReferenceLandsWithTheClipUnderItsVersionName() throws Exception {
        String job = LEDGER.single(LedgerFixtures.brief("neon-street", "production"), 3,
                LedgerFixtures.spec("sh010", 1, 42L));
        Delivery delivery = PackageClips.delivery(WORK, job, "production", "sh010", 3, 320, 180, 1);

        Exchange done = send(delivery);

        assertThat(done.getException()).isNull();
        String folder = "preprod/acme-spring/neon-street/v003/";
        assertThat(read(folder + "sh010_v003.mp4")).isEqualTo(Files.readAllBytes(delivery.clip()));
        assertThat(keys(folder)).containsKeys(folder + "sh010_kf01.png", folder + "sh010_kf02.png",
                folder + "sh010_reference.pdf", folder + "sh010.reelhub.json");
    }

    @Test
    void aClipOfAnotherStageIsRefusedSayingWhereItBelongs() throws IOException {
        Delivery post = StoryboardFixtures.delivery(WORK.resolve("job-c"), "job-c", "sh010", 4);
        Delivery postProduction = new Delivery(post.jobId(), post.briefId(), post.project(), post.version(),
                post.shotId(), "post-production", post.title(), post.model(), post.provider(), post.providerJobId(),
                post.seed(), post.prompt(), post.costEstimateUsd(), post.sandbox(), post.clip(), post.width(),
                post.height(), post.durationSeconds(), post.fps(), post.createdAt(), post.renderedAt());

        Exchange done = send(postProduction);

        assertThat(done.getException()).hasMessage("package-s3 delivers the storyboard package"
                + " (pre-production) and the shooting reference (production), not a post-production clip; deliver"
                + " that with s3");
        assertThat(keys("preprod/acme-spring/neon-street/v004/")).isEmpty();
    }

    private Exchange send(Delivery delivery) {
        return producer.request("direct:deliver", exchange -> exchange.getMessage().setBody(delivery));
    }

    private Map<String, String> keys(String prefix) {
        return s3.listObjectsV2(list -> list.bucket("packages").prefix(prefix)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, o -> o.eTag() + "@" + o.lastModified()));
    }

    private byte[] read(String key) {
        return s3.getObjectAsBytes(get -> get.bucket("packages").key(key)).asByteArray();
    }
}
