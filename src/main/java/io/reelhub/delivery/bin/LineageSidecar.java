package io.reelhub.delivery.bin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The {@code <shot>_v<NNN>.reelhub.json} file beside a delivered clip: everything needed to trace the clip back to
 * its brief and generation, and to check that the clip (and the ProRes mezzanine, when one was asked for) next to it
 * is the one delivered. Written last, so its presence means the version is complete. It holds no secret: nothing
 * here comes from the provider credentials.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"reelhub_sidecar", "project", "shot", "stage", "title", "lineage", "clip", "mezzanine",
        "created_at", "rendered_at", "delivered_at"})
public record LineageSidecar(
        String project,
        String shot,
        String stage,
        String title,
        @JsonUnwrapped Lineage lineage,
        ClipFacts clip,
        @JsonInclude(JsonInclude.Include.NON_NULL) MezzanineFacts mezzanine,
        Instant createdAt,
        Instant renderedAt,
        Instant deliveredAt) {

    /** Version of this file's layout, so readers can tell a future layout apart. */
    public static final int FORMAT = 1;

    static final String DELIVERED_AT = "delivered_at";

    // The file format must not follow the application's Jackson settings, hence a private mapper.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public static LineageSidecar of(Delivery delivery, ClipFacts clip, Instant deliveredAt) {
        return of(delivery, clip, null, deliveredAt);
    }

    /** @param mezzanine the ProRes mezzanine delivered beside the clip, null when none was asked for */
    public static LineageSidecar of(Delivery delivery, ClipFacts clip, MezzanineFacts mezzanine, Instant deliveredAt) {
        return new LineageSidecar(delivery.project(), delivery.shotId(), delivery.stage(), delivery.title(),
                Lineage.of(delivery), clip, mezzanine, delivery.createdAt(), delivery.renderedAt(), deliveredAt);
    }

    @JsonProperty("reelhub_sidecar")
    public int format() {
        return FORMAT;
    }

    /** The sidecar as UTF-8 JSON. */
    public byte[] toJson() {
        try {
            return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sidecar of plain values always serialises", e);
        }
    }

    /**
     * Whether {@code existing} is this sidecar from an earlier attempt of the same delivery: everything equal but
     * the delivery time, which a re-delivery after a crash cannot reproduce and must not rewrite.
     */
    boolean describesSameDeliveryAs(Path existing) throws IOException {
        return describesSameDeliveryAs(Files.readAllBytes(existing));
    }

    /** {@link #describesSameDeliveryAs(Path)} for a sidecar read from elsewhere (an S3 object). */
    public boolean describesSameDeliveryAs(byte[] existing) throws IOException {
        JsonNode found;
        try {
            found = JSON.readTree(existing);
        } catch (JsonProcessingException notJson) {
            return false;
        }
        // Both sides are parsed from bytes, so numbers are compared in the same representation.
        JsonNode expected = JSON.readTree(toJson());
        return found instanceof ObjectNode foundObject
                && withoutDeliveryTime(foundObject).equals(withoutDeliveryTime((ObjectNode) expected));
    }

    private static ObjectNode withoutDeliveryTime(ObjectNode sidecar) {
        ObjectNode copy = sidecar.deepCopy();
        copy.remove(DELIVERED_AT);
        return copy;
    }
}
