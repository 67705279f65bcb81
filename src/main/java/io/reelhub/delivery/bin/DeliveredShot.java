package io.reelhub.delivery.bin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Lineage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A shot already complete in a bin, read back from its lineage sidecar: the brief's timeline is assembled from
 * these, so it describes exactly the files the bin holds, whichever delivery completes the brief.
 */
record DeliveredShot(String shot, ClipFacts clip, MezzanineFacts mezzanine, Lineage lineage) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IOException if the sidecar cannot be read or lacks what a timeline needs, naming the file */
    static DeliveredShot read(Path sidecar) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(sidecar.toFile());
        } catch (IOException e) {
            throw new IOException("the sidecar " + sidecar + " is not readable JSON: " + e.getMessage(), e);
        }
        JsonNode clip = root.path("clip");
        if (!root.path("shot").isTextual() || !clip.path("file").isTextual() || !root.path("brief_id").isTextual()
                || !root.path("version").canConvertToInt() || !(clip.path("fps").asDouble() > 0)
                || !(clip.path("duration_seconds").asDouble() > 0)) {
            throw new IOException("the sidecar " + sidecar + " lacks the shot, brief, version, clip file, duration or "
                    + "frame rate a timeline needs");
        }
        JsonNode mezzanine = root.path("mezzanine");
        return new DeliveredShot(root.path("shot").asText(),
                new ClipFacts(clip.path("file").asText(), clip.path("size_bytes").asLong(),
                        clip.path("sha256").asText(), clip.path("width").asInt(), clip.path("height").asInt(),
                        clip.path("duration_seconds").asDouble(), clip.path("fps").asDouble(),
                        clip.path("has_audio").asBoolean(false)),
                mezzanine.path("file").isTextual()
                        ? new MezzanineFacts(mezzanine.path("file").asText(), mezzanine.path("size_bytes").asLong(),
                                mezzanine.path("sha256").asText(), mezzanine.path("codec").asText())
                        : null,
                new Lineage(text(root, "job_id"), text(root, "brief_id"), root.path("version").asInt(),
                        text(root, "model"), text(root, "provider"), text(root, "provider_job_id"),
                        root.path("seed").isIntegralNumber() ? root.path("seed").asLong() : null,
                        text(root, "prompt"),
                        root.path("cost_estimate_usd").isNumber()
                                ? root.path("cost_estimate_usd").decimalValue() : null,
                        root.path("sandbox").asBoolean(false)));
    }

    /**
     * The shot on a timeline, linking the file editors cut with: the ProRes mezzanine when one was delivered, else
     * the clip. Both have the clip's length, rate and size.
     */
    TimelineClip timelineClip(Path folder, EditorsView editors) {
        String file = mezzanine != null ? mezzanine.file() : clip.file();
        String name = clip.file().substring(0, clip.file().lastIndexOf('.') < 0 ? clip.file().length()
                : clip.file().lastIndexOf('.'));
        long frames = Math.round(clip.durationSeconds() * clip.fps());
        return new TimelineClip(name, editors.urlOf(folder.resolve(file)), clip.fps(), frames, lineage, shot,
                clip.width(), clip.height(), clip.hasAudio());
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.path(field);
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
