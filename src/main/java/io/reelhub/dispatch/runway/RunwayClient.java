package io.reelhub.dispatch.runway;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.GenerationSpec;
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
 * A client of Runway's API: {@code POST /v1/text_to_video} creates a task, {@code GET /v1/tasks/{id}} follows it
 * (PENDING, THROTTLED, RUNNING, SUCCEEDED, FAILED, CANCELLED), {@code DELETE /v1/tasks/{id}} cancels it. Every call
 * carries the API version Runway requires in {@code X-Runway-Version}.
 */
public class RunwayClient implements VideoProvider {

    public static final String NAME = "runway";
    /** The version the official SDK sends; Runway refuses requests without one. */
    public static final String DEFAULT_API_VERSION = "2024-11-06";
    static final int MAX_PROMPT = 1000;
    private static final String OUTPUT_URL = "output_url";

    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final String apiVersion;
    private final Function<GenerationSpec, String> modelName;
    private final ProviderCalls http;
    private final OutputDownload downloads;

    public RunwayClient(Supplier<String> baseUrl, String apiKey, String apiVersion,
                        Function<GenerationSpec, String> modelName, ProviderCalls http, OutputDownload downloads) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
        this.modelName = modelName;
        this.http = http;
        this.downloads = downloads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        if (spec.prompt().length() > MAX_PROMPT) {
            throw new ProviderException(Kind.REJECTED, 0, "Runway takes prompts of up to " + MAX_PROMPT
                    + " characters; this one has " + spec.prompt().length());
        }
        String model = modelName.apply(spec);
        ObjectNode body = http.json().createObjectNode()
                .put("model", model)
                .put("promptText", spec.prompt())
                // Runway names frames by their pixels: "1280:720"
                .put("ratio", spec.width() + ":" + spec.height())
                .put("duration", spec.seconds());
        if (spec.seed() != null) {
            body.put("seed", spec.seed());
        }
        if (model.startsWith("veo")) {
            // only Runway's Veo models take these
            body.put("audio", spec.audio());
            if (spec.negative() != null) {
                body.put("negativePrompt", spec.negative());
            }
        }
        HttpRequest request = request("/v1/text_to_video")
                .timeout(http.submitTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonNode task = call(request, "submit");
        String id = task.path("id").asText("");
        if (id.isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, 200, "Runway's submit answer has no task id: "
                    + ProviderCalls.excerpt(task));
        }
        return id;
    }

    /** Runway has no task list: an interrupted submit cannot be found again. */
    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        JsonNode task = task(providerJobId);
        String status = task.path("status").asText("");
        return switch (status) {
            case "PENDING" -> new RenderStatus(Phase.QUEUED, 0, null, null, null);
            case "THROTTLED" -> new RenderStatus(Phase.QUEUED, 0, null, null, null, null,
                    "throttled by Runway: waiting for one of the account's task slots");
            case "RUNNING" -> new RenderStatus(Phase.RUNNING,
                    (int) Math.max(0, Math.min(99, Math.floor(task.path("progress").asDouble(0) * 100))),
                    null, null, null);
            case "SUCCEEDED" -> {
                String url = task.path("output").path(0).asText("");
                if (url.isBlank()) {
                    yield new RenderStatus(Phase.FAILED, 0, "no_output", "Runway reported success but gave no output",
                            null);
                }
                yield new RenderStatus(Phase.SUCCEEDED, 100, null, null, null,
                        ProviderState.empty().with(OUTPUT_URL, url).toJson(), null);
            }
            case "FAILED" -> new RenderStatus(Phase.FAILED, 0, task.path("failureCode").asText(null),
                    task.path("failure").asText("Runway failed the task without a reason"), null);
            case "CANCELLED" -> new RenderStatus(Phase.FAILED, 0, "CANCELLED", "the task was cancelled at Runway",
                    null);
            default -> throw new ProviderException(Kind.TRANSIENT, 200, "unknown Runway task status '" + status
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
            // Runway's output URLs expire within a day or two; the task hands out fresh ones
            url = task(job.id()).path("output").path(0).asText("");
            if (url.isBlank()) {
                throw new ProviderException(Kind.NOT_FOUND, 200, "Runway task " + job.id() + " has no output");
            }
        }
        return downloads.fetch(url, Map.of(), target);
    }

    @Override
    public void cancel(String providerJobId) {
        HttpRequest request = request("/v1/tasks/" + encode(providerJobId)).DELETE().build();
        HttpResponse<byte[]> response = http.exchange(request, "cancel");
        if (response.statusCode() / 100 != 2) {
            throw failure("cancel", response);
        }
    }

    private JsonNode task(String id) {
        return call(request("/v1/tasks/" + encode(id)).GET().build(), "poll");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(http.timeout())
                .header("Authorization", "Bearer " + apiKey)
                .header("X-Runway-Version", apiVersion)
                .header("User-Agent", "ReelHub");
    }

    private JsonNode call(HttpRequest request, String what) {
        HttpResponse<byte[]> response = http.exchange(request, what);
        if (response.statusCode() / 100 != 2) {
            throw failure(what, response);
        }
        return http.parse(response, what);
    }

    private ProviderException failure(String what, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode error = http.errorBody(response);
        String said = error.hasNonNull("error") ? error.path("error").asText()
                : ProviderCalls.excerpt(new String(response.body()));
        return new ProviderException(ProviderCalls.kindOf(status), status,
                what + " refused by Runway with HTTP " + status + ": " + said, ProviderCalls.retryAfter(response), null);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
