package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Lineage;
import io.reelhub.support.DocBlocks;
import io.reelhub.support.DocBlocks.Block;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples in docs/delivery.md are what the writers produce for the timeline they describe. */
class EditingBinDocsTest {

    private static final List<Block> PAGE = DocBlocks.of(Path.of("docs/delivery.md"));
    private static final String BASE = "file:///Volumes/Post/bins/acme-spring/night-chase/";
    private static final Timeline NIGHT_CHASE = new Timeline("night-chase_v001", List.of(
            new TimelineClip("establish_v001", URI.create(BASE + "establish_v001.mp4"), 24, 144,
                    new Lineage("job-3f2a", "night-chase", 1, "veo-3.1", "vertex", "op-81c2", 42L,
                            "Wide shot of the crossing at night, a courier enters from the left",
                            new BigDecimal("2.40"), false), "establish", 1280, 720, true),
            new TimelineClip("walk_v001", URI.create(BASE + "walk_v001.mp4"), 24, 96,
                    new Lineage("job-9d1e", "night-chase", 1, "veo-3.1", "vertex", "op-81c3", 42L,
                            "He walks toward camera under a flickering sign", new BigDecimal("1.60"), false),
                    "walk", 1280, 720, true)));

    @Test
    void theFcpxmlExampleIsWhatTheWriterWrites() {
        assertThat(example("night-chase_v001.fcpxml"))
                .isEqualTo(text(new FcpxmlWriter().write(NIGHT_CHASE, "night-chase")));
    }

    @Test
    void theAleExampleIsWhatTheWriterWrites() {
        assertThat(example("night-chase_v001.ale")).isEqualTo(text(new AleWriter().write(NIGHT_CHASE)));
    }

    @Test
    void theEdlExampleIsWhatTheWriterWrites() {
        assertThat(example("night-chase_v001.edl")).isEqualTo(text(new Cmx3600EdlWriter().write(NIGHT_CHASE)));
    }

    @Test
    void theOtioExcerptIsTheTimelinesFirstClip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode excerpt = json.readTree(DocBlocks.only(PAGE, b -> b.is("excerpt"), "the OTIO excerpt").body());
        JsonNode timeline = json.readTree(new OtioTimelineWriter().write(NIGHT_CHASE));

        assertThat(excerpt).isEqualTo(timeline.path("tracks").path("children").get(0).path("children").get(0));
    }

    private static String example(String file) {
        return DocBlocks.only(PAGE, b -> file.equals(b.attribute("file")), file).body();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
