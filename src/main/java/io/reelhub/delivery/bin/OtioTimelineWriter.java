package io.reelhub.delivery.bin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an OpenTimelineIO timeline ({@code .otio} JSON) with one video track holding the given clips end to end,
 * in the given order. A single delivered clip is a timeline of one; a multi-shot brief is its shots in order.
 * Each clip's metadata carries its lineage (brief, version, model, seed, prompt, provider job, the AI flag and the
 * IPTC digital source type) and its shot.
 *
 * <p>The shape follows what current OTIO (0.18) itself writes ({@code Clip.2} with {@code media_references} and
 * {@code active_media_reference_key}), including the keys it writes with empty values, so strict readers accept
 * it. The hub's own data sits under the namespaced {@code metadata.reelhub} key, as OTIO recommends.
 */
public class OtioTimelineWriter {

    static final String METADATA_KEY = "reelhub";
    private static final String MEDIA_KEY = "DEFAULT_MEDIA";

    // The file format is fixed by OTIO, not by the application's Jackson settings, hence a private mapper.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Keep 3.20 as 3.20, as the sidecar writes it, instead of the node factory's 3.2.
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /**
     * @param name  the timeline (sequence) name editors see
     * @param clips at least one clip, in timeline order
     * @return the UTF-8 JSON of the timeline
     */
    public byte[] write(String name, List<TimelineClip> clips) {
        return write(new Timeline(name, clips));
    }

    /** The timeline's clips end to end in one video track, each at its own rate (OTIO keeps rates per clip). */
    public byte[] write(Timeline model) {
        ObjectNode track = composition("Track.1", "V1");
        track.put("kind", "Video");
        ArrayNode children = track.putArray("children");
        model.clips().forEach(clip -> children.add(clip(clip)));

        ObjectNode stack = composition("Stack.1", "tracks");
        stack.putArray("children").add(track);

        ObjectNode timeline = object("Timeline.1", model.name());
        timeline.putObject("metadata");
        timeline.putNull("global_start_time");
        timeline.set("tracks", stack);
        try {
            return (JSON.writeValueAsString(timeline) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }

    private ObjectNode clip(TimelineClip clip) {
        ObjectNode node = object("Clip.2", clip.name());
        ObjectNode lineage = JSON.valueToTree(clip.lineage());
        if (clip.shotId() != null) {
            lineage.put("shot", clip.shotId());
        }
        node.putObject("metadata").set(METADATA_KEY, lineage);
        node.set("source_range", range(clip.rate(), clip.frames()));
        node.putArray("effects");
        node.putArray("markers");
        node.put("enabled", true);

        ObjectNode media = object("ExternalReference.1", clip.name());
        media.putObject("metadata");
        media.put("target_url", clip.media().toString());
        // The whole file is the clip, so the media's available range is the clip's range.
        media.set("available_range", range(clip.rate(), clip.frames()));
        node.putObject("media_references").set(MEDIA_KEY, media);
        node.put("active_media_reference_key", MEDIA_KEY);
        return node;
    }

    private static ObjectNode composition(String schema, String name) {
        ObjectNode node = object(schema, name);
        node.putObject("metadata");
        node.putNull("source_range");
        node.putArray("effects");
        node.putArray("markers");
        node.put("enabled", true);
        return node;
    }

    private static ObjectNode range(double rate, long frames) {
        ObjectNode range = JSON.createObjectNode().put("OTIO_SCHEMA", "TimeRange.1");
        range.set("start_time", time(rate, 0));
        range.set("duration", time(rate, frames));
        return range;
    }

    private static ObjectNode time(double rate, long frames) {
        return JSON.createObjectNode()
                .put("OTIO_SCHEMA", "RationalTime.1")
                .put("rate", rate)
                .put("value", (double) frames);
    }

    private static ObjectNode object(String schema, String name) {
        return JSON.createObjectNode().put("OTIO_SCHEMA", schema).put("name", name);
    }
}
