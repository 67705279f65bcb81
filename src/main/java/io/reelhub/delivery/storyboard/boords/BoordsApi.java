package io.reelhub.delivery.storyboard.boords;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.delivery.http.DestinationCallException;
import io.reelhub.delivery.http.DestinationHttp;

/**
 * The calls the hub makes to the Boords public API: every request carries {@code X-API-KEY} (and
 * {@code X-API-CLIENT}), bodies and answers use the {@code {data: {id, type, attributes}}} envelope, lists are paged
 * with {@code meta.next_cursor}. Storyboards live under a project ({@code /projects/{id}/storyboards}), frames
 * under a storyboard ({@code /storyboards/{id}/frames}).
 */
final class BoordsApi {

    /** A storyboard or frame list longer than this many pages is not one the hub made. */
    private static final int MAX_PAGES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DestinationHttp http;
    private final BoordsSettings settings;
    private final String destination;

    BoordsApi(DestinationHttp http, BoordsSettings settings, String destination) {
        this.http = http;
        this.settings = settings;
        this.destination = destination;
    }

    /** The id of the project's storyboard named exactly {@code name}, if there is one. */
    Optional<String> findStoryboard(String name) {
        Optional<String> found = Optional.empty();
        for (JsonNode storyboard : list("/projects/" + settings.projectId() + "/storyboards")) {
            if (name.equals(storyboard.path("attributes").path("name").asText())) {
                found = Optional.of(storyboard.path("id").asText());
                break;
            }
        }
        return found;
    }

    String createStoryboard(String name, String description) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("description", description);
        byte[] body = envelope("storyboard", attributes);
        JsonNode created = post("/projects/" + settings.projectId() + "/storyboards",
                HttpRequest.BodyPublishers.ofByteArray(body));
        return id(created, "storyboard");
    }

    /** The storyboard's frames that carry a reference: reference to frame id. */
    Map<String, String> frameReferences(String storyboardId) {
        Map<String, String> references = new LinkedHashMap<>();
        for (JsonNode frame : list("/storyboards/" + storyboardId + "/frames")) {
            String reference = frame.path("attributes").path("reference").asText("");
            if (!reference.isEmpty()) {
                references.putIfAbsent(reference, frame.path("id").asText());
            }
        }
        return references;
    }

    /**
     * Creates a frame with its image. A file image is base64-encoded into a temporary request body on disk, read
     * back while sending: the image is never held in memory whole, nor twice.
     */
    String createFrame(String storyboardId, BoordsFrame frame) throws IOException {
        Path body = Files.createTempFile("reelhub-boords-frame-", ".json");
        try {
            writeFrameBody(frame, body);
            JsonNode created = post("/storyboards/" + storyboardId + "/frames",
                    HttpRequest.BodyPublishers.ofFile(body));
            return id(created, "frame");
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private static void writeFrameBody(BoordsFrame frame, Path body) throws IOException {
        try (OutputStream out = Files.newOutputStream(body);
             JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("data");
            json.writeStringField("type", "frame");
            json.writeObjectFieldStart("attributes");
            json.writeStringField("reference", frame.reference());
            json.writeNumberField("sort_order", frame.sortOrder());
            json.writeStringField("action", frame.action());
            json.writeStringField("notes", frame.notes());
            if (frame.imageUrl() != null) {
                json.writeStringField("image_url", frame.imageUrl().toString());
            } else {
                json.writeStringField("image_filename", frame.imageFile().getFileName().toString());
                json.writeFieldName("image_base64");
                try (InputStream image = Files.newInputStream(frame.imageFile())) {
                    json.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, image, (int) Files.size(frame.imageFile()));
                }
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** Every item of a paged list. */
    private List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            URI uri = uri(path + (cursor == null ? ""
                    : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            JsonNode answer = parse(http.expectSuccess(destination, request(uri).GET().build()), uri);
            answer.path("data").forEach(items::add);
            JsonNode next = answer.path("meta").path("next_cursor");
            if (!next.isTextual() || next.asText().isBlank()) {
                return items;
            }
            cursor = next.asText();
        }
        throw new DestinationCallException(destination + ": " + path + " lists more than " + MAX_PAGES
                + " pages; not a list the hub can search", 0);
    }

    private JsonNode post(String path, HttpRequest.BodyPublisher body) {
        URI uri = uri(path);
        return parse(http.expectSuccess(destination, request(uri).header("Content-Type", "application/json")
                .POST(body).build()), uri);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("X-API-KEY", settings.apiKey())
                .header("X-API-CLIENT", settings.client())
                .header("Accept", "application/json");
    }

    private URI uri(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    private JsonNode parse(byte[] body, URI uri) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new DestinationCallException(destination + ": " + DestinationHttp.withoutQuery(uri)
                    + " answered something that is not JSON", 0);
        }
    }

    private String id(JsonNode answer, String type) {
        String id = answer.path("data").path("id").asText("");
        if (id.isEmpty()) {
            throw new DestinationCallException(destination + ": Boords created a " + type
                    + " but its answer has no data.id", 0);
        }
        return id;
    }

    private static byte[] envelope(String type, Map<String, Object> attributes) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("attributes", attributes);
        try {
            return JSON.writeValueAsBytes(Map.of("data", data));
        } catch (IOException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
