package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Delivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.springboot.KameletComponentAutoConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
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

/**
 * Loads the shipped {@code connectors/editing-bin-sink.kamelet.yaml} in a Camel Spring Boot context holding only the
 * bin writer, and delivers through it as the hub's delivery routes will.
 */
@CamelSpringBootTest
@SpringBootTest(classes = EditingBinSinkKameletTest.BinOnly.class,
        properties = {"camel.component.kamelet.location=file:connectors",
                // only this test's route: the shipped routes/ need the whole hub
                "camel.main.routes-include-pattern=classpath:none/*.yaml"})
class EditingBinSinkKameletTest {

    // Quotes, commas, dots and parentheses, as in a share named by a post house, must survive the bean call.
    private static final String BINS_NAME = "Editor's Post, Inc. (bins)";

    @TempDir
    static Path tmp;

    @DynamicPropertySource
    static void binsFolder(DynamicPropertyRegistry registry) {
        registry.add("test.bins-dir", () -> tmp.resolve(BINS_NAME).toString());
    }

    @Configuration
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KameletComponentAutoConfiguration.class})
    @Import(EditingBinWriter.class)
    static class BinOnly {

        @Bean
        RouteBuilder deliverToEditingBin() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:deliver").routeId("deliver-to-editing-bin")
                            .to("kamelet:editing-bin-sink?binsDir=RAW({{test.bins-dir}})");
                    from("direct:deliver-for-mac-editors").routeId("deliver-for-mac-editors")
                            .to("kamelet:editing-bin-sink?binsDir=RAW({{test.bins-dir}})"
                                    + "&editorsBinsUrl=RAW(file:///Volumes/Post/bins/)");
                    from("direct:deliver-with-prores").routeId("deliver-with-prores")
                            .to("kamelet:editing-bin-sink?binsDir=RAW({{test.bins-dir}})&prores=true");
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDeliverySentThroughTheKameletLandsInTheBinWithItsTimelineAndSidecar() throws IOException {
        Path bins = Files.createDirectories(tmp.resolve(BINS_NAME));
        Path clip = SampleDeliveries.clipFile(tmp.resolve("work"), "sh010.mp4", "frames of sh010");
        Delivery delivery = SampleDeliveries.delivery("acme-spring", "acme-spring-sc01", "sh010", 1, clip);

        Exchange done = producer.request("direct:deliver", exchange -> exchange.getMessage().setBody(delivery));

        assertThat(done.getException()).isNull();
        Path bin = bins.resolve("acme-spring").resolve("acme-spring-sc01");
        assertThat(bin.resolve("sh010_v001.mp4")).hasSameBinaryContentAs(clip);
        JsonNode otio = json.readTree(bin.resolve("sh010_v001.otio").toFile());
        assertThat(otio.path("OTIO_SCHEMA").asText()).isEqualTo("Timeline.1");
        JsonNode sidecar = json.readTree(bin.resolve("sh010_v001.reelhub.json").toFile());
        assertThat(sidecar.path("provider_job_id").asText()).isEqualTo("sbx-op-4711");
        assertThat(sidecar.path("ai_generated").asBoolean()).isTrue();
    }

    @Test
    void theRouteKeepsItsDeliveryBodyAndLearnsTheWrittenFilesFromAHeader() throws IOException {
        Path bins = Files.createDirectories(tmp.resolve(BINS_NAME));
        Path clip = SampleDeliveries.clipFile(tmp.resolve("work"), "sh020.mp4", "frames of sh020");
        Delivery delivery = SampleDeliveries.delivery("acme-spring", "acme-spring-sc01", "sh020", 1, clip);

        Exchange done = producer.request("direct:deliver", exchange -> exchange.getMessage().setBody(delivery));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isSameAs(delivery);
        Path bin = bins.resolve("acme-spring").resolve("acme-spring-sc01");
        assertThat(done.getMessage().getHeader("ReelHubOutputs", List.class)).containsExactly(
                bin.resolve("sh020_v001.mp4").toString(), bin.resolve("sh020_v001.otio").toString(),
                bin.resolve("sh020_v001.reelhub.json").toString());
    }

    @Test
    void theEditorsBinsUrlPropertyDecidesWhereTimelinesLinkTheMedia() throws IOException {
        Path bins = Files.createDirectories(tmp.resolve(BINS_NAME));
        Path clip = SampleDeliveries.clipFile(tmp.resolve("work"), "sh040.mp4", "frames of sh040");
        Delivery delivery = SampleDeliveries.delivery("acme-spring", "acme-spring-sc01", "sh040", 1, clip);

        Exchange done = producer.request("direct:deliver-for-mac-editors",
                exchange -> exchange.getMessage().setBody(delivery));

        assertThat(done.getException()).isNull();
        JsonNode otio = json.readTree(bins.resolve("acme-spring/acme-spring-sc01/sh040_v001.otio").toFile());
        assertThat(otio.findValue("target_url").asText())
                .isEqualTo("file:///Volumes/Post/bins/acme-spring/acme-spring-sc01/sh040_v001.mp4");
    }

    @Test
    void theProresPropertyReachesTheWriterWhichRefusesWithoutAnEncoder() throws IOException {
        Files.createDirectories(tmp.resolve(BINS_NAME));
        Path clip = SampleDeliveries.clipFile(tmp.resolve("work"), "sh050.mp4", "frames of sh050");
        Delivery delivery = SampleDeliveries.delivery("acme-spring", "acme-spring-sc01", "sh050", 1, clip);

        Exchange done = producer.request("direct:deliver-with-prores",
                exchange -> exchange.getMessage().setBody(delivery));

        // This context holds no ProRes encoder: the switch arrived as true, and nothing was delivered half-way.
        assertThat(done.getException()).hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("ProRes");
        assertThat(tmp.resolve(BINS_NAME).resolve("acme-spring/acme-spring-sc01/sh050_v001.mp4")).doesNotExist();
    }

    @Test
    void aConflictingDeliveryFailsTheExchangeNamingTheFile() throws IOException {
        Path bins = Files.createDirectories(tmp.resolve(BINS_NAME));
        Path first = SampleDeliveries.clipFile(tmp.resolve("work"), "sh030.mp4", "frames of sh030");
        Path other = SampleDeliveries.clipFile(tmp.resolve("work"), "sh030-other.mp4", "other frames of sh030");
        producer.request("direct:deliver", exchange -> exchange.getMessage()
                .setBody(SampleDeliveries.delivery("acme-spring", "acme-spring-sc01", "sh030", 1, first)));

        Exchange clash = producer.request("direct:deliver", exchange -> exchange.getMessage()
                .setBody(SampleDeliveries.delivery("acme-spring", "acme-spring-sc01", "sh030", 1, other)));

        Path delivered = bins.resolve("acme-spring").resolve("acme-spring-sc01").resolve("sh030_v001.mp4");
        assertThat(clash.getException())
                .hasRootCauseInstanceOf(DeliveredVersionConflictException.class)
                .rootCause().hasMessageContaining(delivered.toString());
        assertThat(delivered).hasSameBinaryContentAs(first);
    }
}
