package io.reelhub.delivery.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import io.reelhub.delivery.Delivery;
import io.reelhub.support.FaultyS3;
import io.reelhub.support.S3MockServer;

/**
 * Delivers through the shipped {@code connectors/s3-sink.kamelet.yaml} to a real S3 server (S3Mock as its own
 * process), in a Camel context holding only the S3 writer; and drives the writer into the failures a real store
 * produces: a lost race answered with 412, a part upload that dies, an upload left behind by a crash.
 */
@CamelSpringBootTest
@SpringBootTest(classes = S3SinkIT.S3Only.class, properties = {"camel.component.kamelet.location=file:connectors",
        // only this test's route: the shipped routes/ need the whole hub
        "camel.main.routes-include-pattern=classpath:no-routes/*.yaml"})
class S3SinkIT {

    private static final S3MockServer S3 = S3MockServer.start("deliveries");
    private static final String BUCKET = "deliveries";
    private static final long PART = 5L * 1024 * 1024;

    @TempDir
    static Path tmp;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("test.s3.endpoint", S3::endpoint);
        registry.add("test.s3.access-key", () -> S3MockServer.ACCESS_KEY);
        registry.add("test.s3.secret-key", () -> S3MockServer.SECRET_KEY);
    }

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KameletComponentAutoConfiguration.class})
    @Import(S3DeliveryWriter.class)
    static class S3Only {

        @Bean
        RouteBuilder deliverToS3() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:deliver").routeId("deliver-to-s3")
                            .to("kamelet:s3-sink?bucketName=deliveries&prefix=bins/&forcePathStyle=true"
                                    + "&partSize=" + PART + "&uriEndpointOverride={{test.s3.endpoint}}"
                                    + "&accessKey=RAW({{test.s3.access-key}})&secretKey=RAW({{test.s3.secret-key}})");
                    from("direct:deliver-defaults").routeId("deliver-to-s3-with-defaults")
                            .to("kamelet:s3-sink?bucketName=deliveries&uriEndpointOverride={{test.s3.endpoint}}"
                                    + "&forcePathStyle=true&accessKey=RAW({{test.s3.access-key}})"
                                    + "&secretKey=RAW({{test.s3.secret-key}})");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    private final S3Client s3 = S3.client();
    private final ObjectMapper json = new ObjectMapper();

    @AfterAll
    static void stopS3() {
        S3.close();
        System.out.println("S3Mock start time: " + S3.startTime().toMillis() + " ms");
    }

    @Test
    void aClipLargerThanAPartIsUploadedInPartsBesideItsTimelineAndSidecar() throws IOException {
        Path clip = clip("sh010.mp4", 12 * 1024 * 1024 + 17, 1);
        Delivery delivery = delivery("sh010", 1, clip);

        Exchange done = producer.request("direct:deliver", exchange -> {
            exchange.getMessage().setBody(delivery);
            // what an editing bin earlier in the same route reported
            exchange.getMessage().setHeader("ReelHubOutputs", List.of("/mnt/bins/sh010_v001.mp4"));
        });

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isSameAs(delivery);
        String folder = "bins/acme-spring/acme-spring-sc01/";
        assertThat(done.getMessage().getHeader("ReelHubOutputs", List.class)).containsExactly(
                "/mnt/bins/sh010_v001.mp4", "s3://deliveries/" + folder + "sh010_v001.mp4",
                "s3://deliveries/" + folder + "sh010_v001.otio", "s3://deliveries/" + folder + "sh010_v001.reelhub.json");
        assertThat(read(folder + "sh010_v001.mp4")).isEqualTo(Files.readAllBytes(clip));
        assertThat(head(folder + "sh010_v001.mp4").eTag()).as("a multipart ETag ends in -<parts>").endsWith("-3\"");
        JsonNode otio = json.readTree(read(folder + "sh010_v001.otio"));
        assertThat(otio.findValue("target_url").asText()).isEqualTo("s3://deliveries/" + folder + "sh010_v001.mp4");
        JsonNode sidecar = json.readTree(read(folder + "sh010_v001.reelhub.json"));
        assertThat(sidecar.path("clip").path("size_bytes").asLong()).isEqualTo(Files.size(clip));
        assertThat(sidecar.path("ai_generated").asBoolean()).isTrue();
    }

    @Test
    void optionalParametersLeftOutDeliverToTheBucketsTopLevel() throws IOException {
        Path clip = clip("sh015.mp4", 1000, 2);

        Exchange done = producer.request("direct:deliver-defaults",
                exchange -> exchange.getMessage().setBody(delivery("sh015", 1, clip)));

        assertThat(done.getException()).isNull();
        assertThat(read("acme-spring/acme-spring-sc01/sh015_v001.mp4")).isEqualTo(Files.readAllBytes(clip));
    }

    @Test
    void deliveringTheSameVersionAgainSucceedsWithoutRewritingAnything() throws IOException {
        Path clip = clip("sh020.mp4", 6 * 1024 * 1024, 3);
        producer.request("direct:deliver", exchange -> exchange.getMessage().setBody(delivery("sh020", 1, clip)));
        Map<String, HeadObjectResponse> before = heads("bins/acme-spring/acme-spring-sc01/sh020_v001");

        Exchange again = producer.request("direct:deliver",
                exchange -> exchange.getMessage().setBody(delivery("sh020", 1, clip)));

        assertThat(again.getException()).isNull();
        assertThat(heads("bins/acme-spring/acme-spring-sc01/sh020_v001")).isEqualTo(before);
    }

    @Test
    void aWriteThatLosesTheRaceToTheSameContentIsASuccess() throws IOException {
        Path clip = clip("sh030.mp4", 3000, 4);
        S3Destination destination = destination();
        writer(new FaultyS3()).deliver(delivery("sh030", 1, clip), destination);
        Map<String, HeadObjectResponse> before = heads("bins/acme-spring/acme-spring-sc01/sh030_v001");

        // both looks before the write miss the objects, so every write is sent and answered 412
        FaultyS3 race = new FaultyS3().hideFromHead(key -> true, 2);
        List<String> outputs = writer(race).deliver(delivery("sh030", 1, clip), destination);

        assertThat(outputs).hasSize(3);
        assertThat(heads("bins/acme-spring/acme-spring-sc01/sh030_v001")).isEqualTo(before);
    }

    @Test
    void differentContentAtADeliveredVersionFailsNamingTheObjectAndOverwritesNothing() throws IOException {
        Path first = clip("sh040.mp4", 3000, 5);
        Path other = clip("sh040-other.mp4", 3000, 6);
        producer.request("direct:deliver", exchange -> exchange.getMessage().setBody(delivery("sh040", 1, first)));

        Exchange clash = producer.request("direct:deliver",
                exchange -> exchange.getMessage().setBody(delivery("sh040", 1, other)));

        String key = "bins/acme-spring/acme-spring-sc01/sh040_v001.mp4";
        assertThat(clash.getException()).isInstanceOf(S3VersionConflictException.class)
                .hasMessageContaining("s3://deliveries/" + key).hasMessageContaining("never overwritten");
        assertThat(read(key)).isEqualTo(Files.readAllBytes(first));

        // the same when the clash only shows as a 412 on the write itself
        FaultyS3 race = new FaultyS3().hideFromHead(k -> true, 2);
        assertThatThrownBy(() -> writer(race).deliver(delivery("sh040", 1, other), destination()))
                .isInstanceOf(S3VersionConflictException.class).hasMessageContaining(key);
        assertThat(read(key)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void aMultipartUploadThatLosesTheRaceToOtherContentIsRefusedByTheStoreAndAborted() throws IOException {
        Path first = clip("sh045.mp4", 6 * 1024 * 1024, 9);
        Path other = clip("sh045-other.mp4", 6 * 1024 * 1024, 10);
        writer(new FaultyS3()).deliver(delivery("sh045", 1, first), destination());

        // both looks miss the version, so only the conditional CompleteMultipartUpload stands in the way (S3Mock
        // answers it 304 where AWS answers 412; FaultyS3 keeps S3Mock's abort from deleting the delivered clip)
        FaultyS3 race = new FaultyS3().hideFromHead(key -> true, 2);
        assertThatThrownBy(() -> writer(race).deliver(delivery("sh045", 1, other), destination()))
                .isInstanceOf(S3VersionConflictException.class).hasMessageContaining("sh045_v001.mp4");

        assertThat(read("bins/acme-spring/acme-spring-sc01/sh045_v001.mp4")).isEqualTo(Files.readAllBytes(first));
        assertThat(unfinishedUploads()).isEmpty();
    }

    @Test
    void aMultipartUploadThatFailsIsAbortedAndLeavesNothingBehind() throws IOException {
        Path clip = clip("sh050.mp4", 11 * 1024 * 1024, 7);
        FaultyS3 dying = new FaultyS3().failParts(part -> part.partNumber() == 2);

        assertThatThrownBy(() -> writer(dying).deliver(delivery("sh050", 1, clip), destination()))
                .hasMessageContaining("connection reset while uploading part 2");

        assertThat(unfinishedUploads()).isEmpty();
        assertThat(exists("bins/acme-spring/acme-spring-sc01/sh050_v001.mp4")).isFalse();
        assertThat(exists("bins/acme-spring/acme-spring-sc01/sh050_v001.reelhub.json")).isFalse();
    }

    @Test
    void anUploadLeftByACrashIsAbortedWhenTheVersionIsDeliveredAgain() throws IOException {
        String key = "bins/acme-spring/acme-spring-sc01/sh060_v001.mp4";
        s3.createMultipartUpload(create -> create.bucket(BUCKET).key(key));
        assertThat(unfinishedUploads()).containsExactly(key);
        Path clip = clip("sh060.mp4", 7 * 1024 * 1024, 8);

        writer(new FaultyS3()).deliver(delivery("sh060", 1, clip), destination());

        assertThat(unfinishedUploads()).isEmpty();
        assertThat(read(key)).isEqualTo(Files.readAllBytes(clip));
    }

    private S3DeliveryWriter writer(FaultyS3 faults) {
        return new S3DeliveryWriter(access -> faults.wrap(access.newClient()), Clock.systemUTC());
    }

    private static S3Destination destination() {
        return new S3Destination(BUCKET, "bins/", S3.access(), PART);
    }

    private static Path clip(String name, int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        Path dir = Files.createDirectories(tmp.resolve("work"));
        return Files.write(dir.resolve(name), content);
    }

    private static Delivery delivery(String shot, int version, Path clip) {
        return new Delivery("job-0007", "acme-spring-sc01", "acme-spring", version, shot, "post-production",
                "Opening hook", "veo-3.1", "sandbox", "sbx-op-4711", 42L, "Rain-soaked neon street at night.",
                new BigDecimal("3.20"), true, clip, 1280, 720, 8.0, 24.0, Instant.parse("2026-10-21T08:00:00Z"),
                Instant.parse("2026-10-21T08:03:12.500Z"));
    }

    private byte[] read(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key)).asByteArray();
    }

    private HeadObjectResponse head(String key) {
        return s3.headObject(head -> head.bucket(BUCKET).key(key));
    }

    private boolean exists(String key) {
        try {
            head(key);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    /** ETag and modification time of each object of a version: equal maps mean nothing was rewritten. */
    private Map<String, HeadObjectResponse> heads(String stem) {
        Map<String, HeadObjectResponse> heads = new java.util.TreeMap<>();
        for (String ext : List.of(".mp4", ".otio", ".reelhub.json")) {
            HeadObjectResponse head = head(stem + ext);
            heads.put(stem + ext, HeadObjectResponse.builder().eTag(head.eTag()).lastModified(head.lastModified())
                    .contentLength(head.contentLength()).build());
        }
        return heads;
    }

    private List<String> unfinishedUploads() {
        return s3.listMultipartUploads(list -> list.bucket(BUCKET)).uploads().stream()
                .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key).toList();
    }
}
