package io.reelhub.delivery.storyboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import io.reelhub.delivery.bin.FileDigest;

/**
 * The {@code <shot>.reelhub.json} file a package folder receives last, so that its presence means the shot's files
 * are all in place: which brief, version and shot they belong to, the lineage (with the AI-generated flag), the
 * keyframes' times, and each file's size and SHA-256 for checking what is beside it.
 */
public final class PackageManifest {

    /** Version of this file's layout, so readers can tell a future layout apart. */
    public static final int FORMAT = 1;
    static final String DELIVERED_AT = "delivered_at";

    // The file format must not follow the application's Jackson settings, hence a private mapper.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final ObjectNode content;

    private PackageManifest(ObjectNode content) {
        this.content = content;
    }

    /**
     * @param contents every file placed before the manifest, under its name at the destination
     * @param digests  the files' digests, in the same order
     */
    public static PackageManifest of(Delivery delivery, PackageContents contents, List<FileDigest> digests,
                                     Instant deliveredAt) {
        List<PackageFile> files = contents.files();
        ObjectNode root = JSON.createObjectNode();
        root.put("reelhub_package", FORMAT);
        root.put("kind", contents.kind());
        root.put("project", delivery.project());
        root.put("shot", delivery.shotId());
        root.put("stage", delivery.stage());
        if (delivery.title() != null) {
            root.put("title", delivery.title());
        }
        root.setAll((ObjectNode) JSON.valueToTree(Lineage.of(delivery)));
        ObjectNode clip = root.putObject("clip");
        clip.put("width", delivery.width()).put("height", delivery.height())
                .put("duration_seconds", delivery.durationSeconds()).put("fps", delivery.fps());
        ArrayNode frames = root.putArray("keyframes");
        contents.keyframes().forEach(frame -> frames.addObject().put("file", frame.fileName())
                .put("index", frame.index())
                .put("seconds", frame.seconds()));
        ArrayNode listed = root.putArray("files");
        for (int i = 0; i < files.size(); i++) {
            listed.addObject().put("name", files.get(i).name()).put("size_bytes", digests.get(i).sizeBytes())
                    .put("sha256", digests.get(i).sha256());
        }
        root.put(DELIVERED_AT, deliveredAt.toString());
        return new PackageManifest(root);
    }

    public byte[] toJson() {
        try {
            return (JSON.writeValueAsString(content) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest of plain values always serialises", e);
        }
    }

    /**
     * Whether {@code existing} is this manifest from an earlier attempt of the same delivery: everything equal but
     * the delivery time, which a re-delivery cannot reproduce and must not rewrite.
     */
    public boolean describesSameDeliveryAs(Path existing) throws IOException {
        return describesSameDeliveryAs(Files.readAllBytes(existing));
    }

    /** {@link #describesSameDeliveryAs(Path)} for a manifest read from elsewhere (an S3 object). */
    public boolean describesSameDeliveryAs(byte[] existing) throws IOException {
        JsonNode found;
        try {
            found = JSON.readTree(existing);
        } catch (JsonProcessingException notJson) {
            return false;
        }
        JsonNode expected = JSON.readTree(toJson());
        return found instanceof ObjectNode foundObject
                && withoutTime(foundObject).equals(withoutTime((ObjectNode) expected));
    }

    private static ObjectNode withoutTime(ObjectNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove(DELIVERED_AT);
        return copy;
    }
}
