package io.reelhub.support.emulators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A local stand-in for the Boords public API (https://app.boords.com/v1, see DESTINATIONS.md §5a): the
 * {@code X-API-KEY} check (401 with a JSON:API-style {@code errors} array), the {@code {data: {id, type, attributes}}}
 * envelope, cursor pagination ({@code meta.next_cursor}, two items a page so clients must follow it), storyboards
 * under projects (short text ids) and frames under storyboards (numeric ids), created with an image given by URL
 * (fetched, as Boords does) or as base64. Invalid input is answered 422. It records what it stores: storyboards,
 * frames and the bytes of each frame's image.
 */
public final class BoordsEmulator extends ApiEmulator {

    /** A stored frame: what the client sent, and the image bytes Boords ended up with. */
    public record Frame(long id, String storyboardId, String reference, int sortOrder, String action, String notes,
                        String imageUrl, byte[] image) {

        public String imageSha256() {
            return sha256(image);
        }
    }

    /** A stored storyboard. */
    public record Storyboard(String id, String projectId, String name, String description) {
    }

    private static final Pattern STORYBOARDS = Pattern.compile("/v1/projects/([A-Za-z0-9_-]+)/storyboards");
    private static final Pattern FRAMES = Pattern.compile("/v1/storyboards/([A-Za-z0-9_-]+)/frames");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int PAGE = 2;

    private volatile String apiKey;
    private final String projectId;
    private final Map<String, Storyboard> storyboards = new LinkedHashMap<>();
    private final Map<Long, Frame> frames = new LinkedHashMap<>();
    private final AtomicLong nextFrame = new AtomicLong(1001);
    private final AtomicLong nextStoryboard = new AtomicLong(1);
    private final HttpClient fetcher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BoordsEmulator(String apiKey, String projectId) {
        this.apiKey = apiKey;
        this.projectId = projectId;
    }

    /** A Boords team with one project, {@code projectId}, answering requests that carry {@code apiKey}. */
    public static BoordsEmulator start(String apiKey, String projectId) {
        return new BoordsEmulator(apiKey, projectId);
    }

    /** Accepts only {@code key} from now on, as after the team rotated its token. */
    public void acceptKey(String key) {
        this.apiKey = key;
    }

    /** The API base URL, as the connector's {@code baseUrl}. */
    public String apiUrl() {
        return baseUrl() + "/v1";
    }

    public synchronized List<Storyboard> storyboards() {
        return List.copyOf(storyboards.values());
    }

    public synchronized List<Frame> frames() {
        return List.copyOf(frames.values());
    }

    public synchronized List<Frame> frames(String storyboardId) {
        return frames.values().stream().filter(f -> f.storyboardId().equals(storyboardId)).toList();
    }

    @Override
    protected synchronized Answer handle(HttpExchange exchange, byte[] body) throws IOException {
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-API-KEY"))) {
            return error(401, "Invalid or missing API key", this);
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Matcher storyboardsPath = STORYBOARDS.matcher(path);
        Matcher framesPath = FRAMES.matcher(path);
        if (storyboardsPath.matches()) {
            if (!storyboardsPath.group(1).equals(projectId)) {
                return error(404, "Project not found", this);
            }
            if (method.equals("GET")) {
                return page(storyboards.values().stream().map(this::resource).toList(), cursor(exchange));
            }
            if (method.equals("POST")) {
                return createStoryboard(exchange, body);
            }
        } else if (framesPath.matches()) {
            String storyboardId = framesPath.group(1);
            if (!storyboards.containsKey(storyboardId)) {
                return error(404, "Storyboard not found", this);
            }
            if (method.equals("GET")) {
                return page(frames(storyboardId).stream().map(this::resource).toList(), cursor(exchange));
            }
            if (method.equals("POST")) {
                return createFrame(exchange, storyboardId, body);
            }
        }
        return error(404, "No route " + method + " " + path, this);
    }

    private Answer createStoryboard(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode attributes = attributes(body, "storyboard");
        if (attributes == null) {
            return error(422, "data.type must be storyboard, with attributes", this);
        }
        String name = attributes.path("name").asText("");
        if (name.isBlank()) {
            return error(422, "Name can't be blank", this);
        }
        String id = "s" + Long.toString(36 * 36 * 36 + nextStoryboard.getAndIncrement(), 36);
        Storyboard storyboard = new Storyboard(id, projectId, name, attributes.path("description").asText(""));
        storyboards.put(id, storyboard);
        return created(exchange, resource(storyboard));
    }

    private Answer createFrame(HttpExchange exchange, String storyboardId, byte[] body) throws IOException {
        JsonNode attributes = attributes(body, "frame");
        if (attributes == null) {
            return error(422, "data.type must be frame, with attributes", this);
        }
        String url = attributes.path("image_url").asText("");
        String base64 = attributes.path("image_base64").asText("");
        if (url.isEmpty() == base64.isEmpty()) {
            return error(422, "Give the image as image_url or as image_base64, not both", this);
        }
        byte[] image;
        if (!base64.isEmpty()) {
            try {
                image = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                return error(422, "image_base64 is not base64", this);
            }
        } else {
            image = fetch(url);
            if (image == null) {
                return error(422, "image_url could not be fetched", this);
            }
        }
        if (image.length < PNG_SIGNATURE.length || !java.util.Arrays.equals(image, 0, PNG_SIGNATURE.length,
                PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return error(422, "The image is not a PNG", this);
        }
        long id = nextFrame.getAndIncrement();
        Frame frame = new Frame(id, storyboardId, attributes.path("reference").asText(""),
                attributes.path("sort_order").asInt(), attributes.path("action").asText(""),
                attributes.path("notes").asText(""), url.isEmpty() ? null : url, image);
        frames.put(id, frame);
        return created(exchange, resource(frame));
    }

    private Answer created(HttpExchange exchange, Map<String, Object> resource) {
        if (loseThisAnswer(exchange)) {
            return error(500, "Internal server error", this);
        }
        return new Answer(201, Map.of("data", resource));
    }

    private Answer page(List<Map<String, Object>> all, int from) {
        int to = Math.min(all.size(), from + PAGE);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("next_cursor", to < all.size() ? Integer.toString(to) : null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", from >= all.size() ? List.of() : all.subList(from, to));
        answer.put("meta", meta);
        return new Answer(200, answer);
    }

    private static int cursor(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        if (query == null) {
            return 0;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("cursor=")) {
                return Integer.parseInt(pair.substring("cursor=".length()));
            }
        }
        return 0;
    }

    private JsonNode attributes(byte[] body, String type) throws IOException {
        JsonNode data = JSON.readTree(body).path("data");
        return type.equals(data.path("type").asText()) && data.path("attributes").isObject()
                ? data.path("attributes") : null;
    }

    private byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> response = fetcher.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Map<String, Object> resource(Storyboard storyboard) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", storyboard.name());
        attributes.put("description", storyboard.description());
        attributes.put("project_id", storyboard.projectId());
        return envelope(storyboard.id(), "storyboard", attributes);
    }

    private Map<String, Object> resource(Frame frame) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("storyboard_id", frame.storyboardId());
        attributes.put("reference", frame.reference());
        attributes.put("sort_order", frame.sortOrder());
        attributes.put("action", frame.action());
        attributes.put("notes", frame.notes());
        attributes.put("image_url", "https://boords.example/frames/" + frame.id() + ".png");
        return envelope(frame.id(), "frame", attributes);
    }

    private static Map<String, Object> envelope(Object id, String type, Map<String, Object> attributes) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", id);
        resource.put("type", type);
        resource.put("attributes", attributes);
        return resource;
    }

    @Override
    protected Object errorBody(int status, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", Integer.toString(status));
        error.put("title", switch (status) {
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 422 -> "Unprocessable Entity";
            case 503 -> "Service Unavailable";
            default -> "Error";
        });
        error.put("detail", detail);
        return Map.of("errors", new ArrayList<>(List.of(error)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
