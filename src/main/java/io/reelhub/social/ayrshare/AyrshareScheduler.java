package io.reelhub.social.ayrshare;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.social.Scheduler;
import io.reelhub.social.SchedulerException;
import io.reelhub.social.SchedulerHttp;
import io.reelhub.social.SocialPost;

/**
 * Posts through Ayrshare's {@code POST {base}/api/post} with {@code Authorization: Bearer <key>}, one network per
 * request. Every attempt of a post carries the same {@code idempotencyKey}, which Ayrshare uses to recognise a
 * repeat; so after an attempt whose outcome is unknown the hub simply sends it again. An answer is a failure when
 * its status is not 2xx or its JSON {@code status} is {@code error} (Ayrshare's {@code errors[]} name the network,
 * code and message); 429 defers the post.
 */
final class AyrshareScheduler implements Scheduler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchedulerHttp http;
    private final URI endpoint;
    private final String apiKey;
    private final String profileKey;
    private final String youtubeVisibility;
    private final Clock clock;

    AyrshareScheduler(SchedulerHttp http, String baseUrl, String apiKey, String profileKey,
                      String youtubeVisibility, Clock clock) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("no Ayrshare API key: set reelhub.destinations.<name>.api-key, e.g."
                    + " to ${AYRSHARE_API_KEY}");
        }
        this.http = http;
        this.endpoint = SchedulerHttp.endpoint(baseUrl, "/api/post", "the Ayrshare base URL");
        this.apiKey = apiKey.strip();
        this.profileKey = profileKey == null || profileKey.isBlank() ? null : profileKey.strip();
        this.youtubeVisibility = youtubeVisibility == null || youtubeVisibility.isBlank() ? "public"
                : youtubeVisibility.strip();
        this.clock = clock;
    }

    @Override
    public String name() {
        return "ayrshare";
    }

    @Override
    public String create(SocialPost post, String idempotencyKey) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(AyrshareRequest.of(post, idempotencyKey, youtubeVisibility,
                    clock.instant()));
        } catch (IOException e) {
            throw new IllegalStateException("a post of plain values always serialises", e);
        }
        Map<String, String> headers = profileKey == null ? Map.of("authorization", "Bearer " + apiKey)
                : Map.of("authorization", "Bearer " + apiKey, "profile-key", profileKey);
        SchedulerHttp.Answer answer = http.postJson(endpoint, body, headers, "Ayrshare post");
        JsonNode json = parse(answer);
        if (answer.status() == 429) {
            throw SchedulerException.rateLimited("Ayrshare answered 429: " + message(json, answer),
                    SchedulerHttp.retryAfter(answer));
        }
        if (answer.status() / 100 == 5) {
            throw SchedulerException.unknown("Ayrshare answered " + answer.status() + ": " + message(json, answer));
        }
        JsonNode result = json != null && json.path("posts").isArray() && !json.path("posts").isEmpty()
                ? json.path("posts").path(0) : json;
        if (!answer.ok() || result == null || "error".equalsIgnoreCase(result.path("status").asText())) {
            throw SchedulerException.refused("Ayrshare refused the post (" + answer.status() + "): "
                    + message(result, answer));
        }
        String id = result.path("id").asText("");
        if (id.isEmpty()) {
            throw SchedulerException.unknown("Ayrshare answered " + answer.status() + " without a post id: "
                    + answer.excerpt());
        }
        return id;
    }

    private static JsonNode parse(SchedulerHttp.Answer answer) {
        try {
            return answer.body() == null || answer.body().isBlank() ? null : JSON.readTree(answer.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code tiktok 110: Status is a duplicate.} per error, or the top-level message, or the raw body. */
    private static String message(JsonNode json, SchedulerHttp.Answer answer) {
        if (json == null) {
            return answer.excerpt();
        }
        List<String> messages = new ArrayList<>();
        for (JsonNode error : json.path("errors")) {
            if (error.isObject()) {
                String where = (error.path("platform").asText("") + " " + error.path("code").asText("")).strip();
                messages.add((where.isEmpty() ? "" : where + ": ") + error.path("message").asText("(no message)"));
            } else {
                messages.add(error.asText());
            }
        }
        if (messages.isEmpty() && json.hasNonNull("message")) {
            String code = json.path("code").asText("");
            messages.add((code.isEmpty() ? "" : code + ": ") + json.path("message").asText());
        }
        return messages.isEmpty() ? answer.excerpt() : String.join("; ", messages);
    }
}
