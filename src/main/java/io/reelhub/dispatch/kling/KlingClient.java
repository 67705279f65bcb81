package io.reelhub.dispatch.kling;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.FrameWords;
import io.reelhub.dispatch.ProviderCalls;
import io.reelhub.dispatch.OutputDownload;
import io.reelhub.dispatch.ProviderException;
import io.reelhub.dispatch.ProviderException.Kind;
import io.reelhub.dispatch.ProviderJob;
import io.reelhub.dispatch.ProviderState;
import io.reelhub.dispatch.RenderStatus;
import io.reelhub.dispatch.RenderStatus.Phase;
import io.reelhub.dispatch.VideoProvider;

/**
 * A client of Kling's own API: {@code POST /v1/videos/text2video}, polled at {@code GET
 * /v1/videos/text2video/{task_id}}, the video fetched from the URL in {@code task_result} (kept 30 days, no auth).
 * The hub's idempotency key travels as {@code external_task_id}, which Kling keeps unique, so an interrupted submit
 * is found again in the task list instead of being paid twice.
 */
public class KlingClient implements VideoProvider {

    public static final String NAME = "kling";
    static final Set<String> ASPECTS = Set.of("16:9", "9:16", "1:1");
    private static final String OUTPUT_URL = "output_url";
    private static final int LIST_PAGE = 100;

    private final Supplier<String> baseUrl;
    private final KlingJwt jwt;
    private final Function<GenerationSpec, String> modelName;
    private final KlingSettings settings;
    private final KlingErrors errors;
    private final ProviderCalls http;
    private final OutputDownload downloads;

    public KlingClient(Supplier<String> baseUrl, KlingJwt jwt, Function<GenerationSpec, String> modelName,
                       KlingSettings settings, ProviderCalls http, OutputDownload downloads) {
        this.baseUrl = baseUrl;
        this.jwt = jwt;
        this.modelName = modelName;
        this.settings = settings;
        this.errors = new KlingErrors(settings.rateLimitBackoff(), settings.concurrencyBackoff());
        this.http = http;
        this.downloads = downloads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        String aspect = FrameWords.of(spec.width(), spec.height()).aspect();
        if (!ASPECTS.contains(aspect)) {
            throw new ProviderException(Kind.REJECTED, 0, "Kling takes the aspect ratios " + ASPECTS + "; "
                    + spec.width() + "x" + spec.height() + " is " + aspect);
        }
        ObjectNode body = http.json().createObjectNode()
                .put("model_name", modelName.apply(spec))
                .put("prompt", spec.prompt())
                .put("mode", settings.mode())
                .put("aspect_ratio", aspect)
                // a string: "5" or "10"
                .put("duration", Integer.toString(spec.seconds()))
                .put("external_task_id", idempotencyKey);
        if (spec.negative() != null) {
            body.put("negative_prompt", spec.negative());
        }
        String callback = settings.callbackUrl().apply(idempotencyKey);
        if (callback != null) {
            body.put("callback_url", callback);
        }
        HttpRequest request = request("/v1/videos/text2video")
                .timeout(http.submitTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonNode data = call(request, "submit");
        String taskId = data.path("task_id").asText("");
        if (taskId.isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, 200, "Kling's submit answer has no task_id: "
                    + ProviderCalls.excerpt(data));
        }
        return taskId;
    }

    /** Without the key there is nothing to match: Kling's task list does not show prompts. */
    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        return Optional.empty();
    }

    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded,
                                          String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        HttpRequest request = request("/v1/videos/text2video?pageNum=1&pageSize=" + LIST_PAGE).GET().build();
        JsonNode data = call(request, "list");
        for (JsonNode task : data) {
            String id = task.path("task_id").asText();
            if (idempotencyKey.equals(task.path("task_info").path("external_task_id").asText(null))
                    && !excluded.contains(id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        JsonNode task = task(providerJobId);
        String status = task.path("task_status").asText("");
        return switch (status) {
            case "submitted" -> new RenderStatus(Phase.QUEUED, 0, null, null, null);
            case "processing" -> new RenderStatus(Phase.RUNNING, 0, null, null, null);
            case "succeed" -> {
                String url = outputUrl(task);
                if (url == null) {
                    yield new RenderStatus(Phase.FAILED, 0, "no_output",
                            "Kling reported success but gave no video URL", null);
                }
                yield new RenderStatus(Phase.SUCCEEDED, 100, null, null, null,
                        ProviderState.empty().with(OUTPUT_URL, url).toJson(), null);
            }
            case "failed" -> new RenderStatus(Phase.FAILED, 0, null, failureMessage(task), null);
            default -> throw new ProviderException(Kind.TRANSIENT, 200, "unknown Kling task status '" + status
                    + "' in " + ProviderCalls.excerpt(task));
        };
    }

    @Override
    public long download(String providerJobId, Path target) {
        return download(ProviderJob.of(providerJobId), target);
    }

    @Override
    public long download(ProviderJob job, Path target) {
        String url = ProviderState.parse(job.state()).get(OUTPUT_URL);
        if (url == null) {
            // a job adopted or polled before its URL was kept: ask the task for it
            url = outputUrl(task(job.id()));
            if (url == null) {
                throw new ProviderException(Kind.NOT_FOUND, 200, "Kling task " + job.id() + " has no video");
            }
        }
        // Kling's output URLs are public for 30 days; the bearer token must not travel to a CDN
        return downloads.fetch(url, Map.of(), target);
    }

    private JsonNode task(String taskId) {
        HttpRequest request = request("/v1/videos/text2video/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8))
                .GET().build();
        return call(request, "poll");
    }

    private static String outputUrl(JsonNode task) {
        JsonNode videos = task.path("task_result").path("videos");
        String url = videos.path(0).path("url").asText("");
        return url.isBlank() ? null : url;
    }

    private static String failureMessage(JsonNode task) {
        String message = task.path("task_status_msg").asText("");
        return message.isBlank() ? "Kling failed the task without a reason" : message;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(http.timeout())
                .header("Authorization", "Bearer " + jwt.token())
                .header("User-Agent", "ReelHub");
    }

    /** One call: the {@code data} of a {@code code: 0} answer, or the classified error. */
    private JsonNode call(HttpRequest request, String what) {
        HttpResponse<byte[]> response = http.exchange(request, what);
        int status = response.statusCode();
        if (status / 100 != 2) {
            JsonNode error = http.errorBody(response);
            throw failure(what, status, error, response);
        }
        JsonNode answer = http.parse(response, what);
        int code = answer.path("code").asInt(-1);
        if (code != 0) {
            throw failure(what, status, answer, response);
        }
        return answer.path("data");
    }

    private ProviderException failure(String what, int status, JsonNode error, HttpResponse<byte[]> response) {
        Duration retryAfter = ProviderCalls.retryAfter(response);
        if (!error.has("code")) {
            String said = what + " refused by Kling with HTTP " + status + ": "
                    + ProviderCalls.excerpt(new String(response.body()));
            return new ProviderException(ProviderCalls.kindOf(status), status, said,
                    status == 429 && retryAfter == null ? settings.rateLimitBackoff() : retryAfter, null);
        }
        int code = error.path("code").asInt();
        if (code == 1003 || code == 1004) {
            jwt.invalidate();
        }
        return errors.classify(what, status, code, error.path("message").asText(""), retryAfter);
    }
}
