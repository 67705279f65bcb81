package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Delivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageSidecarTest {

    private static final Instant DELIVERED = Instant.parse("2026-10-21T08:05:00.250Z");
    private static final ClipFacts CLIP = new ClipFacts("sh010_v001.mp4", 1_234_567L,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1280, 720, 8.0, 24.0);

    private final ObjectMapper json = new ObjectMapper();
    private final Delivery delivery = SampleDeliveries.delivery(Path.of("work/clip.mp4"), 1);

    @Test
    void theSidecarHoldsTheLineageOfTheBriefAndTheGeneration() throws IOException {
        JsonNode sidecar = json.readTree(LineageSidecar.of(delivery, CLIP, DELIVERED).toJson());

        assertThat(sidecar.path("reelhub_sidecar").asInt()).isEqualTo(1);
        assertThat(sidecar.path("job_id").asText()).isEqualTo("job-0007");
        assertThat(sidecar.path("brief_id").asText()).isEqualTo("acme-spring-sc01");
        assertThat(sidecar.path("version").asInt()).isEqualTo(1);
        assertThat(sidecar.path("version_label").asText()).isEqualTo("v001");
        assertThat(sidecar.path("project").asText()).isEqualTo("acme-spring");
        assertThat(sidecar.path("shot").asText()).isEqualTo("sh010");
        assertThat(sidecar.path("stage").asText()).isEqualTo("post-production");
        assertThat(sidecar.path("title").asText()).isEqualTo("Opening hook");
        assertThat(sidecar.path("model").asText()).isEqualTo("veo-3.1");
        assertThat(sidecar.path("provider").asText()).isEqualTo("sandbox");
        assertThat(sidecar.path("provider_job_id").asText()).isEqualTo("sbx-op-4711");
        assertThat(sidecar.path("seed").asLong()).isEqualTo(42L);
        assertThat(sidecar.path("prompt").asText()).isEqualTo(delivery.prompt());
        assertThat(sidecar.path("cost_estimate_usd").decimalValue()).isEqualByComparingTo("3.20");
        assertThat(sidecar.path("sandbox").asBoolean()).isTrue();
    }

    @Test
    void theSidecarFlagsTheClipAsAiGeneratedWithTheIptcSourceType() throws IOException {
        JsonNode sidecar = json.readTree(LineageSidecar.of(delivery, CLIP, DELIVERED).toJson());

        assertThat(sidecar.path("ai_generated").isBoolean()).isTrue();
        assertThat(sidecar.path("ai_generated").asBoolean()).isTrue();
        assertThat(sidecar.path("digital_source_type").asText())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
    }

    @Test
    void theSidecarDescribesTheClipFileItSitsBeside() throws IOException {
        JsonNode clip = json.readTree(LineageSidecar.of(delivery, CLIP, DELIVERED).toJson()).path("clip");

        assertThat(clip.path("file").asText()).isEqualTo("sh010_v001.mp4");
        assertThat(clip.path("size_bytes").asLong()).isEqualTo(1_234_567L);
        assertThat(clip.path("sha256").asText()).isEqualTo(CLIP.sha256());
        assertThat(clip.path("width").asInt()).isEqualTo(1280);
        assertThat(clip.path("height").asInt()).isEqualTo(720);
        assertThat(clip.path("duration_seconds").asDouble()).isEqualTo(8.0);
        assertThat(clip.path("fps").asDouble()).isEqualTo(24.0);
    }

    @Test
    void timesAreIso8601Instants() throws IOException {
        JsonNode sidecar = json.readTree(LineageSidecar.of(delivery, CLIP, DELIVERED).toJson());

        assertThat(sidecar.path("created_at").asText()).isEqualTo("2026-10-21T08:00:00Z");
        assertThat(sidecar.path("rendered_at").asText()).isEqualTo("2026-10-21T08:03:12.500Z");
        assertThat(sidecar.path("delivered_at").asText()).isEqualTo("2026-10-21T08:05:00.250Z");
    }

    @Test
    void noFieldIsNullWhenTheDeliveryKnowsItsValue() throws IOException {
        JsonNode sidecar = json.readTree(LineageSidecar.of(delivery, CLIP, DELIVERED).toJson());

        assertThat(nullFields(sidecar, "")).isEmpty();
    }

    @Test
    void theSidecarHoldsExactlyTheDocumentedFieldsAndSoNoSecret() throws IOException {
        JsonNode sidecar = json.readTree(LineageSidecar.of(delivery, CLIP, DELIVERED).toJson());

        List<String> fields = new ArrayList<>();
        sidecar.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("reelhub_sidecar", "project", "shot", "stage", "title", "job_id",
                "brief_id", "version", "version_label", "model", "provider", "provider_job_id", "seed", "prompt",
                "cost_estimate_usd", "sandbox", "ai_generated", "digital_source_type", "clip", "created_at",
                "rendered_at", "delivered_at");
    }

    @Test
    void anEarlierAttemptOfTheSameDeliveryIsRecognisedDespiteItsOwnDeliveryTime(@TempDir Path dir)
            throws IOException {
        Path earlier = Files.write(dir.resolve("s.reelhub.json"),
                LineageSidecar.of(delivery, CLIP, DELIVERED.minusSeconds(600)).toJson());

        assertThat(LineageSidecar.of(delivery, CLIP, DELIVERED).describesSameDeliveryAs(earlier)).isTrue();
    }

    @Test
    void aSidecarOfOtherContentIsNotTheSameDelivery(@TempDir Path dir) throws IOException {
        ClipFacts otherClip = new ClipFacts(CLIP.file(), CLIP.sizeBytes(), "0".repeat(64), 1280, 720, 8.0, 24.0);
        Path other = Files.write(dir.resolve("s.reelhub.json"),
                LineageSidecar.of(delivery, otherClip, DELIVERED).toJson());
        Path garbage = Files.writeString(dir.resolve("g.reelhub.json"), "not json {");

        LineageSidecar sidecar = LineageSidecar.of(delivery, CLIP, DELIVERED);
        assertThat(sidecar.describesSameDeliveryAs(other)).isFalse();
        assertThat(sidecar.describesSameDeliveryAs(garbage)).isFalse();
    }

    private static List<String> nullFields(JsonNode node, String path) {
        List<String> nulls = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            String at = path + "/" + field.getKey();
            if (field.getValue().isNull()) {
                nulls.add(at);
            } else if (field.getValue().isObject()) {
                nulls.addAll(nullFields(field.getValue(), at));
            }
        });
        return nulls;
    }
}
