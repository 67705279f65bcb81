package io.reelhub.social.buffer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.social.SchedulerException;
import io.reelhub.social.SchedulerHttp;

/**
 * Buffer's GraphQL API (developers.buffer.com): {@code POST {base}/} with {@code Authorization: Bearer <key>}, the
 * operation in {@code query} and the user's text only ever in {@code variables}. GraphQL answers HTTP 200 even when
 * it fails: an {@code errors} array (auth, not found, server) or a typed {@code MutationError} in the data
 * (validation, plan limits) is a failure carrying Buffer's message. Rate limiting is the one HTTP 429, with the
 * wait in {@code errors[].extensions.retryAfter} (seconds).
 */
final class BufferClient {

    static final String CREATE_POST = """
            mutation CreatePost($input: CreatePostInput!) {
              createPost(input: $input) {
                __typename
                ... on PostActionSuccess { post { id dueAt } }
                ... on MutationError { message }
              }
            }""";

    static final String RECENT_POSTS = """
            query RecentPosts($input: PostsInput!, $first: Int) {
              posts(input: $input, first: $first) {
                edges { node { id text channelId createdAt dueAt } }
              }
            }""";

    /** A post as {@code posts} lists it. */
    record Listed(String id, String text, String channelId, Instant createdAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchedulerHttp http;
    private final URI endpoint;
    private final String apiKey;

    BufferClient(SchedulerHttp http, URI endpoint, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("no Buffer API key: set reelhub.destinations.<name>.api-key, e.g. to"
                    + " ${BUFFER_API_KEY}");
        }
        this.http = http;
        this.endpoint = endpoint;
        this.apiKey = apiKey.strip();
    }

    /** @return the new post's id */
    String createPost(ObjectNode input) {
        ObjectNode variables = JSON.createObjectNode();
        variables.set("input", input);
        JsonNode data = call(CREATE_POST, variables, "Buffer createPost");
        JsonNode result = data.path("createPost");
        String type = result.path("__typename").asText("");
        String id = result.path("post").path("id").asText("");
        if ("PostActionSuccess".equals(type) && !id.isEmpty()) {
            return id;
        }
        if (result.has("message")) {
            throw SchedulerException.refused("Buffer refused the post (" + type + "): "
                    + result.path("message").asText());
        }
        throw SchedulerException.unknown("Buffer createPost answered without a post id or an error: "
                + excerpt(result.toString()));
    }

    /** The newest posts of a channel, to find one an interrupted attempt may have created. */
    List<Listed> recentPosts(String organizationId, String channelId) {
        ObjectNode variables = JSON.createObjectNode();
        ObjectNode input = variables.putObject("input");
        input.put("organizationId", organizationId);
        input.putObject("filter").putArray("channelIds").add(channelId);
        input.putArray("sort").addObject().put("field", "createdAt").put("direction", "desc");
        variables.put("first", 50);
        JsonNode data;
        try {
            data = call(RECENT_POSTS, variables, "Buffer posts");
        } catch (SchedulerException e) {
            // the post may still exist: never create it again on a failed look
            throw SchedulerException.unknown("could not look for the post an earlier attempt may have created: "
                    + e.getMessage());
        }
        List<Listed> posts = new ArrayList<>();
        for (JsonNode edge : data.path("posts").path("edges")) {
            JsonNode node = edge.path("node");
            Instant created = null;
            try {
                created = node.hasNonNull("createdAt") ? Instant.parse(node.path("createdAt").asText()) : null;
            } catch (RuntimeException unreadable) {
                // listed without a usable time: compared by text only
            }
            posts.add(new Listed(node.path("id").asText(), node.path("text").asText(null),
                    node.path("channelId").asText(null), created));
        }
        return posts;
    }

    private JsonNode call(String query, ObjectNode variables, String what) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", variables);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a GraphQL request of plain values always serialises", e);
        }
        SchedulerHttp.Answer answer = http.postJson(endpoint, bytes, Map.of("authorization", "Bearer " + apiKey),
                what);
        JsonNode json = parse(answer);
        if (answer.status() == 429) {
            Duration wait = SchedulerHttp.retryAfter(answer);
            JsonNode seconds = json == null ? null : json.path("errors").path(0).path("extensions").path("retryAfter");
            if (seconds != null && seconds.canConvertToLong() && seconds.asLong() > 0) {
                wait = Duration.ofSeconds(seconds.asLong());
            }
            throw SchedulerException.rateLimited(what + " answered 429: " + errorsOf(json, answer), wait);
        }
        if (answer.status() / 100 == 5) {
            // the server may have done the work before failing: the next attempt looks before creating
            throw SchedulerException.unknown(what + " answered " + answer.status() + ": " + answer.excerpt());
        }
        if (json != null && json.path("errors").isArray() && !json.path("errors").isEmpty()) {
            throw SchedulerException.refused(what + " failed: " + errorsOf(json, answer));
        }
        if (!answer.ok()) {
            throw SchedulerException.refused(what + " answered " + answer.status() + ": " + answer.excerpt());
        }
        if (json == null || !json.path("data").isObject()) {
            throw SchedulerException.unknown(what + " answered " + answer.status() + " without data: "
                    + answer.excerpt());
        }
        return json.path("data");
    }

    private static JsonNode parse(SchedulerHttp.Answer answer) {
        try {
            return answer.body() == null || answer.body().isBlank() ? null : JSON.readTree(answer.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code message (CODE); message (CODE)} from GraphQL's {@code errors}, or the raw body. */
    private static String errorsOf(JsonNode json, SchedulerHttp.Answer answer) {
        if (json == null || !json.path("errors").isArray() || json.path("errors").isEmpty()) {
            return answer.excerpt();
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode error : json.path("errors")) {
            String code = error.path("extensions").path("code").asText("");
            messages.add(error.path("message").asText("(no message)") + (code.isEmpty() ? "" : " (" + code + ")"));
        }
        return String.join("; ", messages);
    }

    private static String excerpt(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
