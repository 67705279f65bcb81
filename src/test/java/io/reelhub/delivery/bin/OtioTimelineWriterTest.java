package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Delivery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtioTimelineWriterTest {

    private static final Path BIN = Path.of("/bins/acme-spring/acme-spring-sc01").toAbsolutePath();

    private final OtioTimelineWriter writer = new OtioTimelineWriter();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSingleClipIsATimelineWithOneVideoTrackHoldingOneClip() throws IOException {
        Delivery delivery = SampleDeliveries.delivery(Path.of("work/clip.mp4"), 1);
        TimelineClip clip = TimelineClip.of("sh010_v001", BIN.resolve("sh010_v001.mp4"), delivery);

        JsonNode timeline = json.readTree(writer.write("acme-spring-sc01 sh010_v001", List.of(clip)));

        assertThat(timeline.path("OTIO_SCHEMA").asText()).isEqualTo("Timeline.1");
        assertThat(timeline.path("name").asText()).isEqualTo("acme-spring-sc01 sh010_v001");
        JsonNode stack = timeline.path("tracks");
        assertThat(stack.path("OTIO_SCHEMA").asText()).isEqualTo("Stack.1");
        assertThat(stack.path("children")).hasSize(1);
        JsonNode track = stack.path("children").get(0);
        assertThat(track.path("OTIO_SCHEMA").asText()).isEqualTo("Track.1");
        assertThat(track.path("kind").asText()).isEqualTo("Video");
        assertThat(track.path("children")).hasSize(1);
        assertThat(track.path("children").get(0).path("OTIO_SCHEMA").asText()).isEqualTo("Clip.2");
    }

    @Test
    void theClipLastsItsDurationInFramesAtItsOwnRate() throws IOException {
        Delivery delivery = SampleDeliveries.delivery(Path.of("work/clip.mp4"), 1);

        JsonNode clip = onlyClip(writer.write("t", List.of(TimelineClip.of("sh010_v001", BIN.resolve("a.mp4"),
                delivery))));

        JsonNode range = clip.path("source_range");
        assertThat(range.path("OTIO_SCHEMA").asText()).isEqualTo("TimeRange.1");
        assertThat(range.path("start_time").path("OTIO_SCHEMA").asText()).isEqualTo("RationalTime.1");
        assertThat(range.path("start_time").path("value").asDouble()).isZero();
        assertThat(range.path("duration").path("OTIO_SCHEMA").asText()).isEqualTo("RationalTime.1");
        assertThat(range.path("duration").path("rate").asDouble()).isEqualTo(24.0);
        assertThat(range.path("duration").path("value").asDouble()).isEqualTo(192.0); // 8 s at 24 fps
        assertThat(clip.path("effects")).isEmpty();
        assertThat(clip.path("markers")).isEmpty();
        assertThat(clip.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void theClipLinksTheDeliveredFileAsItsActiveMediaReference() throws IOException {
        Path delivered = BIN.resolve("sh010_v001.mp4");
        TimelineClip timelineClip = TimelineClip.of("sh010_v001", delivered,
                SampleDeliveries.delivery(Path.of("work/clip.mp4"), 1));

        JsonNode clip = onlyClip(writer.write("t", List.of(timelineClip)));

        assertThat(clip.path("active_media_reference_key").asText()).isEqualTo("DEFAULT_MEDIA");
        JsonNode media = clip.path("media_references").path("DEFAULT_MEDIA");
        assertThat(media.path("OTIO_SCHEMA").asText()).isEqualTo("ExternalReference.1");
        assertThat(media.path("target_url").asText())
                .startsWith("file:///")
                .isEqualTo(delivered.toUri().toString());
    }

    @Test
    void theClipCarriesItsLineageAndTheAiFlagUnderTheReelhubKey() throws IOException {
        TimelineClip timelineClip = TimelineClip.of("sh010_v001", BIN.resolve("sh010_v001.mp4"),
                SampleDeliveries.delivery(Path.of("work/clip.mp4"), 1));

        JsonNode reelhub = onlyClip(writer.write("t", List.of(timelineClip))).path("metadata").path("reelhub");

        assertThat(reelhub.path("brief_id").asText()).isEqualTo("acme-spring-sc01");
        assertThat(reelhub.path("version").asInt()).isEqualTo(1);
        assertThat(reelhub.path("version_label").asText()).isEqualTo("v001");
        assertThat(reelhub.path("model").asText()).isEqualTo("veo-3.1");
        assertThat(reelhub.path("provider").asText()).isEqualTo("sandbox");
        assertThat(reelhub.path("provider_job_id").asText()).isEqualTo("sbx-op-4711");
        assertThat(reelhub.path("seed").asLong()).isEqualTo(42L);
        assertThat(reelhub.path("prompt").asText()).startsWith("Rain-soaked neon street");
        assertThat(reelhub.path("ai_generated").isBoolean()).isTrue();
        assertThat(reelhub.path("ai_generated").asBoolean()).isTrue();
        assertThat(reelhub.path("digital_source_type").asText())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        assertThat(reelhub.path("cost_estimate_usd").decimalValue()).isEqualByComparingTo("3.20");
        assertThat(reelhub.path("sandbox").asBoolean()).isTrue();
    }

    @Test
    void severalShotsBecomeOneTrackInShotOrder() throws IOException {
        Delivery first = SampleDeliveries.delivery("acme-spring", "acme-spring-sc01", "sh010", 1,
                Path.of("work/a.mp4"));
        Delivery second = new Delivery(first.jobId(), first.briefId(), first.project(), 1, "sh020", first.stage(),
                first.title(), first.model(), first.provider(), "sbx-op-4712", 43L, first.prompt(),
                first.costEstimateUsd(), true, Path.of("work/b.mp4"), 1280, 720, 4.0, 25.0, first.createdAt(),
                first.renderedAt());

        JsonNode timeline = json.readTree(writer.write("acme-spring-sc01 v001", List.of(
                TimelineClip.of("sh010_v001", BIN.resolve("sh010_v001.mp4"), first),
                TimelineClip.of("sh020_v001", BIN.resolve("sh020_v001.mp4"), second))));

        JsonNode clips = timeline.path("tracks").path("children").get(0).path("children");
        assertThat(clips).hasSize(2);
        assertThat(clips.get(0).path("name").asText()).isEqualTo("sh010_v001");
        assertThat(clips.get(1).path("name").asText()).isEqualTo("sh020_v001");
        assertThat(clips.get(1).path("OTIO_SCHEMA").asText()).isEqualTo("Clip.2");
        JsonNode secondDuration = clips.get(1).path("source_range").path("duration");
        assertThat(secondDuration.path("rate").asDouble()).isEqualTo(25.0);
        assertThat(secondDuration.path("value").asDouble()).isEqualTo(100.0);
        assertThat(clips.get(1).path("metadata").path("reelhub").path("provider_job_id").asText())
                .isEqualTo("sbx-op-4712");
    }

    @Test
    void aBriefTimelineHasOneClip2PerShotInOrderEachWithItsShotAndLineage() throws IOException {
        Timeline timeline = new Timeline("acme-spring-sc01_v001", List.of(
                SampleTimelines.shot("sh010", 24, 96), SampleTimelines.shot("sh020", 24, 144),
                SampleTimelines.shot("sh030", 24, 48, SampleTimelines.NASTY_PROMPT, true, 1280, 720)));

        JsonNode otio = json.readTree(writer.write(timeline));

        assertThat(otio.path("name").asText()).isEqualTo("acme-spring-sc01_v001");
        assertThat(otio.path("tracks").path("children")).hasSize(1);
        JsonNode clips = otio.path("tracks").path("children").get(0).path("children");
        assertThat(clips).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode clip = clips.get(i);
            TimelineClip shot = timeline.clips().get(i);
            assertThat(clip.path("OTIO_SCHEMA").asText()).isEqualTo("Clip.2");
            assertThat(clip.path("name").asText()).isEqualTo(shot.name());
            assertThat(clip.path("source_range").path("duration").path("value").asLong()).isEqualTo(shot.frames());
            JsonNode reelhub = clip.path("metadata").path("reelhub");
            assertThat(reelhub.path("shot").asText()).isEqualTo(shot.shotId());
            assertThat(reelhub.path("brief_id").asText()).isEqualTo("acme-spring-sc01");
            assertThat(reelhub.path("version_label").asText()).isEqualTo("v001");
            assertThat(reelhub.path("seed").asLong()).isEqualTo(42L);
            assertThat(reelhub.path("ai_generated").asBoolean()).isTrue();
            assertThat(reelhub.path("digital_source_type").asText()).endsWith("/trainedAlgorithmicMedia");
        }
        // JSON carries any text as it is: the prompt reads back exactly, control character and all.
        assertThat(clips.get(2).path("metadata").path("reelhub").path("prompt").asText())
                .isEqualTo(SampleTimelines.NASTY_PROMPT);
    }

    @Test
    void aTimelineWithoutClipsIsRefused() {
        assertThatThrownBy(() -> writer.write("empty", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one clip");
    }

    @Test
    void aClipWithoutFramesIsRefused() {
        Delivery unprobed = new Delivery("j", "b", "p", 1, "sh010", "post-production", null, "m", "sandbox", "x",
                null, "p", null, true, Path.of("c.mp4"), 0, 0, 0.0, 24.0, null, null);

        assertThatThrownBy(() -> TimelineClip.of("sh010_v001", BIN.resolve("c.mp4"), unprobed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sh010_v001");
    }

    private JsonNode onlyClip(byte[] otio) throws IOException {
        return json.readTree(otio).path("tracks").path("children").get(0).path("children").get(0);
    }
}
