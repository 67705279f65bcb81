package io.reelhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Ayrshare's {@code POST /api/post} (ayrshare.com/docs/apis/post), enough for the hub's
 * Ayrshare connector: {@code Authorization: Bearer <key>} (401 with Ayrshare's error envelope otherwise), the
 * documented body checks ({@code post} and {@code platforms} required, known networks, {@code mediaUrls} over
 * https, one video for TikTok, {@code youTubeOptions.title} for YouTube, {@code scheduleDate} in ISO-8601 UTC),
 * {@code idempotencyKey} (a repeat gets the first answer and creates nothing), and Ayrshare's answers:
 * {@code status: success} with {@code id} and {@code postIds}, {@code status: scheduled}, TikTok's {@code pending}
 * ids, and {@code status: error} with {@code errors[]}. Records every request; has switches for faults.
 */
public final class AyrshareEmulator implements AutoCloseable {

    /** One request as received. */
    public record Request(String path, Map<String, List<String>> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A post the emulator created. */
    public record Post(String id, JsonNode body) {
    }

    private static final Set<String> NETWORKS = Set.of("bluesky", "facebook", "gmb", "instagram", "linkedin",
            "pinterest", "reddit", "snapchat", "telegram", "threads", "tiktok", "twitter", "youtube");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String apiKey;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, String> answersByKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean plainHttpMedia;
    private final AtomicInteger failing = new AtomicInteger();
    private volatile int failingStatus = 500;
    private final AtomicInteger failingAfterCreate = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile long retryAfterSeconds = 60;
    private final AtomicInteger errorBodies = new AtomicInteger();

    private AyrshareEmulator(HttpServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    public static AyrshareEmulator start(String apiKey) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AyrshareEmulator ayrshare = new AyrshareEmulator(server, apiKey);
            server.createContext("/", ayrshare::handle);
            server.start();
            return ayrshare;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, {@code http://127.0.0.1:<port>}; the API is under {@code /api}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /**
     * Accepts {@code http://} media URLs, which Ayrshare refuses: for end-to-end tests whose hub serves its
     * renditions on a plain local port.
     */
    public void acceptPlainHttpMedia() {
        plainHttpMedia = true;
    }

    // ---- fault switches

    /** Every request answered 503. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The next {@code count} requests answered {@code status} before anything is done. */
    public void failNext(int count, int status) {
        failingStatus = status;
        failing.set(count);
    }

    /** The next {@code count} posts are created and then answered 500, as a crash before the answer. */
    public void failAfterCreate(int count) {
        failingAfterCreate.set(count);
    }

    /** The next {@code count} requests answered 429 with {@code Retry-After}. */
    public void rateLimitNext(int count, long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        rateLimited.set(count);
    }

    /** The next {@code count} posts refused by the network: HTTP 400 with {@code status: error}. */
    public void errorNext(int count) {
        errorBodies.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the API

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            try {
                body = JSON.readTree(in.readAllBytes());
            } catch (IOException e) {
                body = null;
            }
        }
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body));
        if (down) {
            respond(exchange, 503, "{\"status\":\"error\",\"message\":\"Service Unavailable\"}");
            return;
        }
        if (take(failing)) {
            respond(exchange, failingStatus, "{\"status\":\"error\",\"message\":\"Internal error\"}");
            return;
        }
        if (take(rateLimited)) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
            respond(exchange, 429, "{\"status\":\"error\",\"code\":429,\"message\":\"Too many requests. Please wait"
                    + " and try again.\"}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals("Bearer " + apiKey)) {
            respond(exchange, 401, "{\"action\":\"authorization\",\"status\":\"error\",\"code\":102,\"message\":"
                    + "\"API Key not valid. Please verify the API Key and Bearer format.\"}");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/api/post".equals(path)) {
            respond(exchange, 404, "{\"status\":\"error\",\"message\":\"Not found\"}");
            return;
        }
        post(exchange, body);
    }

    private void post(HttpExchange exchange, JsonNode body) throws IOException {
        List<String> invalid = validate(body);
        if (!invalid.isEmpty()) {
            respond(exchange, 400, error(101, String.join("; ", invalid), null));
            return;
        }
        String key = body.path("idempotencyKey").asText("");
        if (!key.isEmpty() && answersByKey.containsKey(key)) {
            respond(exchange, 200, answersByKey.get(key));
            return;
        }
        String network = body.path("platforms").path(0).asText();
        if (take(errorBodies)) {
            respond(exchange, 400, error(110, "Status is a duplicate.", network));
            return;
        }
        String id = "ayr" + String.format("%017d", ids.incrementAndGet());
        posts.add(new Post(id, body.deepCopy()));
        ObjectNode answer = JSON.createObjectNode();
        boolean scheduled = body.hasNonNull("scheduleDate");
        answer.put("status", scheduled ? "scheduled" : "success");
        answer.putArray("errors");
        if (scheduled) {
            answer.put("scheduleDate", body.path("scheduleDate").asText());
        } else {
            for (JsonNode platform : body.path("platforms")) {
                answer.withArray("postIds").addObject().put("status", "success")
                        .put("id", "tiktok".equals(platform.asText()) ? "pending" : platform.asText() + "-" + id)
                        .put("platform", platform.asText());
            }
        }
        answer.put("id", id);
        answer.put("refId", "ref-" + id);
        answer.put("post", body.path("post").asText());
        if (!key.isEmpty()) {
            answersByKey.put(key, answer.toString());
        }
        if (take(failingAfterCreate)) {
            respond(exchange, 500, "{\"status\":\"error\",\"message\":\"Internal error\"}");
            return;
        }
        respond(exchange, 200, answer.toString());
    }

    private List<String> validate(JsonNode body) {
        List<String> invalid = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return List.of("the body is not a JSON object");
        }
        if (!body.path("post").isTextual()) {
            invalid.add("Missing post parameter");
        }
        if (!body.path("platforms").isArray() || body.path("platforms").isEmpty()) {
            invalid.add("Missing platforms parameter");
        }
        List<String> networks = new ArrayList<>();
        body.path("platforms").forEach(p -> networks.add(p.asText()));
        networks.stream().filter(p -> !NETWORKS.contains(p)).forEach(p -> invalid.add("Unknown platform: " + p));
        JsonNode media = body.path("mediaUrls");
        for (JsonNode url : media) {
            String text = url.asText();
            if (!text.startsWith("https://") && !(plainHttpMedia && text.startsWith("http://"))) {
                invalid.add("Media URLs must be secure and begin with https://: " + text);
            }
        }
        if (networks.contains("tiktok") && media.size() != 1 && body.path("isVideo").asBoolean()) {
            invalid.add("TikTok takes exactly one video");
        }
        if (networks.contains("youtube")) {
            String title = body.path("youTubeOptions").path("title").asText("");
            if (title.isBlank() || title.length() > 100) {
                invalid.add("YouTube requires youTubeOptions.title of at most 100 characters");
            }
            if (media.size() != 1) {
                invalid.add("YouTube takes exactly one video");
            }
        }
        if (body.hasNonNull("scheduleDate")) {
            try {
                Instant.parse(body.path("scheduleDate").asText());
            } catch (RuntimeException e) {
                invalid.add("scheduleDate must be an ISO-8601 UTC date time such as 2026-07-08T12:30:00Z");
            }
        }
        return invalid;
    }

    private static String error(int code, String message, String platform) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", "error");
        ObjectNode error = answer.putArray("errors").addObject().put("action", "post").put("status", "error")
                .put("code", code).put("message", message);
        if (platform != null) {
            error.put("platform", platform);
        }
        answer.putArray("postIds");
        return answer.toString();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
