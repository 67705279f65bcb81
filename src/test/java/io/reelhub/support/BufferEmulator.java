package io.reelhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Buffer's GraphQL API (developers.buffer.com), enough for the hub's Buffer connector:
 * {@code POST /} with {@code Authorization: Bearer <key>}, the mutation {@code createPost(input: $input)} and the
 * query {@code posts(input: $input, first: $first)}, both reading their arguments from {@code variables} as the
 * hub sends them (there is no GraphQL parser here: the operation is told by its field name). It checks the input
 * the way Buffer documents it (the {@code [AssetInput!]} array form of {@code assets}, {@code dueAt} with
 * {@code customScheduled}, YouTube's required {@code title} and {@code categoryId}, channels that exist), answers
 * in Buffer's shapes (HTTP 200 with {@code errors} for auth and validation, typed {@code MutationError}s, 429 with
 * {@code extensions.retryAfter}), records every request, and has switches for the faults a real service has.
 */
public final class BufferEmulator implements AutoCloseable {

    /** One request as received. */
    public record Request(Map<String, List<String>> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public boolean isCreatePost() {
            return body != null && body.path("query").asText().contains("createPost");
        }
    }

    /** A post the emulator created. */
    public record Post(String id, String channelId, JsonNode input, Instant createdAt) {
    }

    private static final Set<String> MODES = Set.of("addToQueue", "shareNow", "shareNext", "customScheduled",
            "recommendedTime");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String token;
    private final Clock clock;
    private final Map<String, String> channels = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean down;
    private final AtomicInteger failing = new AtomicInteger();
    private volatile int failingStatus = 500;
    private final AtomicInteger failingAfterCreate = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile long retryAfterSeconds = 900;
    private final AtomicInteger graphqlErrors = new AtomicInteger();
    private volatile String graphqlErrorMessage = "Something went wrong";

    private BufferEmulator(HttpServer server, String token, Clock clock) {
        this.server = server;
        this.token = token;
        this.clock = clock;
    }

    /** @param token the one API key it accepts */
    public static BufferEmulator start(String token, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            BufferEmulator buffer = new BufferEmulator(server, token, clock);
            server.createContext("/", buffer::handle);
            server.start();
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferEmulator start(String token) {
        return start(token, Clock.systemUTC());
    }

    /** The API's base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A connected channel createPost accepts; {@code service} as Buffer names it ({@code tiktok}). */
    public BufferEmulator channel(String id, String service) {
        channels.put(id, service);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> createPostRequests() {
        return requests.stream().filter(Request::isCreatePost).toList();
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    // ---- fault switches

    /** Every request answered 503, as a service that is down. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The next {@code count} requests answered {@code status} before anything is done. */
    public void failNext(int count, int status) {
        failingStatus = status;
        failing.set(count);
    }

    /** The next {@code count} createPost calls create the post and then answer 502, as a gateway timing out. */
    public void failAfterCreate(int count) {
        failingAfterCreate.set(count);
    }

    /** The next {@code count} requests answered 429 RATE_LIMIT_EXCEEDED with {@code retryAfter}. */
    public void rateLimitNext(int count, long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        rateLimited.set(count);
    }

    /** The next {@code count} requests answered HTTP 200 with a GraphQL {@code errors} entry. */
    public void graphqlErrorNext(int count, String message) {
        graphqlErrorMessage = message;
        graphqlErrors.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the API

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            try {
                body = JSON.readTree(bytes);
            } catch (IOException e) {
                body = null;
            }
        }
        requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
        if (down) {
            respond(exchange, 503, "{\"errors\":[{\"message\":\"Service Unavailable\"}]}");
            return;
        }
        if (take(failing)) {
            respond(exchange, failingStatus, "upstream error");
            return;
        }
        if (take(rateLimited)) {
            respond(exchange, 429, "{\"errors\":[{\"message\":\"Too many requests from this client. Please try again"
                    + " later.\",\"extensions\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"limitType\":\"CLIENT_ACCOUNT\","
                    + "\"retryAfter\":" + retryAfterSeconds + "}}]}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals("Bearer " + token)) {
            respond(exchange, 200, errors("Not authorized: invalid or missing API key", "UNAUTHORIZED"));
            return;
        }
        if (take(graphqlErrors)) {
            respond(exchange, 200, errors(graphqlErrorMessage, "INTERNAL_SERVER_ERROR"));
            return;
        }
        if (body == null || !body.path("query").isTextual()) {
            respond(exchange, 400, errors("Must provide query string.", "BAD_REQUEST"));
            return;
        }
        String query = body.path("query").asText();
        JsonNode variables = body.path("variables");
        if (query.contains("createPost")) {
            createPost(exchange, variables.path("input"));
        } else if (query.contains("posts(")) {
            listPosts(exchange, variables.path("input"), variables.path("first").asInt(20));
        } else {
            respond(exchange, 200, errors("Cannot query this field on the emulator", "GRAPHQL_VALIDATION_FAILED"));
        }
    }

    private void createPost(HttpExchange exchange, JsonNode input) throws IOException {
        List<String> invalid = validate(input);
        if (!invalid.isEmpty()) {
            respond(exchange, 200, errors(String.join("; ", invalid), "GRAPHQL_VALIDATION_FAILED"));
            return;
        }
        String channelId = input.path("channelId").asText();
        if (!channels.containsKey(channelId)) {
            ObjectNode answer = JSON.createObjectNode();
            answer.putObject("data").putObject("createPost").put("__typename", "NotFoundError")
                    .put("message", "Channel not found");
            respond(exchange, 200, answer.toString());
            return;
        }
        String id = String.format("64f%021d", ids.incrementAndGet());
        posts.add(new Post(id, channelId, input.deepCopy(), clock.instant()));
        if (take(failingAfterCreate)) {
            respond(exchange, 502, "Bad Gateway");
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode post = answer.putObject("data").putObject("createPost").put("__typename", "PostActionSuccess")
                .putObject("post");
        post.put("id", id);
        post.put("dueAt", input.path("dueAt").asText(clock.instant().plusSeconds(3600).toString()));
        respond(exchange, 200, answer.toString());
    }

    /** What Buffer's schema and documented rules would reject. */
    private static List<String> validate(JsonNode input) {
        List<String> invalid = new ArrayList<>();
        if (!input.isObject()) {
            return List.of("Variable \"$input\" of required type \"CreatePostInput!\" was not provided.");
        }
        for (String field : List.of("channelId", "schedulingType", "mode")) {
            if (!input.path(field).isTextual() || input.path(field).asText().isBlank()) {
                invalid.add("Field \"" + field + "\" of required type was not provided.");
            }
        }
        if (!input.path("text").isTextual()) {
            invalid.add("Field \"text\" must be a string.");
        }
        String mode = input.path("mode").asText();
        if (!mode.isEmpty() && !MODES.contains(mode)) {
            invalid.add("Value \"" + mode + "\" does not exist in \"ShareMode\" enum.");
        }
        String scheduling = input.path("schedulingType").asText();
        if (!scheduling.isEmpty() && !scheduling.equals("automatic") && !scheduling.equals("notification")) {
            invalid.add("Value \"" + scheduling + "\" does not exist in \"SchedulingType\" enum.");
        }
        if ("customScheduled".equals(mode)) {
            try {
                Instant.parse(input.path("dueAt").asText());
            } catch (RuntimeException e) {
                invalid.add("dueAt is required as an ISO-8601 date and time with mode customScheduled");
            }
        }
        JsonNode assets = input.path("assets");
        if (!assets.isMissingNode() && !assets.isArray()) {
            invalid.add("Field \"assets\": expected type \"[AssetInput!]!\" (the object form is no longer accepted)");
        }
        for (JsonNode asset : assets) {
            JsonNode video = asset.path("video");
            if (asset.size() != 1) {
                invalid.add("an AssetInput names exactly one kind (image, video, document or link)");
            } else if (video.isObject() && !video.path("url").isTextual()) {
                invalid.add("Field \"url\" of required type \"String!\" was not provided in VideoAssetInput");
            } else if (video.has("thumbnailUrl")) {
                invalid.add("VideoAssetInput.thumbnailUrl is not accepted; use metadata.thumbnailOffset");
            }
        }
        JsonNode youtube = input.path("metadata").path("youtube");
        if (youtube.isObject() && (!youtube.path("title").isTextual() || !youtube.path("categoryId").isTextual())) {
            invalid.add("YouTube posts require metadata.youtube.title and metadata.youtube.categoryId on create");
        }
        JsonNode facebook = input.path("metadata").path("facebook");
        if (facebook.isObject() && !facebook.path("type").isTextual()) {
            invalid.add("Field \"type\" of required type \"PostTypeFacebook!\" was not provided.");
        }
        return invalid;
    }

    private void listPosts(HttpExchange exchange, JsonNode input, int first) throws IOException {
        if (!input.path("organizationId").isTextual()) {
            respond(exchange, 200, errors("Field \"organizationId\" of required type was not provided.",
                    "GRAPHQL_VALIDATION_FAILED"));
            return;
        }
        Set<String> channelIds = ConcurrentHashMap.newKeySet();
        input.path("filter").path("channelIds").forEach(id -> channelIds.add(id.asText()));
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode edges = answer.putObject("data").putObject("posts").putArray("edges");
        posts.stream().filter(p -> channelIds.isEmpty() || channelIds.contains(p.channelId()))
                .sorted(Comparator.comparing(Post::createdAt).reversed()).limit(first)
                .forEach(p -> edges.addObject().putObject("node").put("id", p.id()).put("channelId", p.channelId())
                        .put("text", p.input().path("text").asText()).put("createdAt", p.createdAt().toString())
                        .put("dueAt", p.input().path("dueAt").asText(null)));
        respond(exchange, 200, answer.toString());
    }

    private static String errors(String message, String code) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putNull("data");
        answer.putArray("errors").addObject().put("message", message).putObject("extensions").put("code", code);
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
