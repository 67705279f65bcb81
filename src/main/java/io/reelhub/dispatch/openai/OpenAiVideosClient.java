package io.reelhub.dispatch.openai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.ProviderCalls;
import io.reelhub.dispatch.ProviderException;
import io.reelhub.dispatch.ProviderException.Kind;
import io.reelhub.dispatch.ProviderHttp;
import io.reelhub.dispatch.RenderStatus;
import io.reelhub.dispatch.VideoProvider;

/**
 * A client of the OpenAI Videos wire format ({@code /v1/videos}), which lives on in gateways after the OpenAI API
 * itself was shut down, and which the sandbox speaks. One HTTP request per call, no automatic retries.
 */
public class OpenAiVideosClient implements VideoProvider {

    private final String name;
    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final Function<GenerationSpec, String> modelName;
    private final ProviderCalls calls;

    /**
     * @param modelName which id goes on the wire: the catalog id for the sandbox, the provider's own id for gateways
     */
    public OpenAiVideosClient(String name, Supplier<String> baseUrl, String apiKey,
                              Function<GenerationSpec, String> modelName, ProviderHttp http, ObjectMapper json) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.modelName = modelName;
        this.calls = new ProviderCalls(name, http, json, body -> errorMessage(json, body));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        MultipartForm form = new MultipartForm()
                .field("model", modelName.apply(spec))
                .field("prompt", spec.prompt())
                // the API takes seconds as a string enum; an integer is a 400
                .field("seconds", Integer.toString(spec.seconds()))
                .field("size", spec.width() + "x" + spec.height())
                .field("seed", spec.seed() == null ? null : spec.seed().toString())
                .field("negative_prompt", spec.negative());
        HttpRequest request = request("/videos")
                .timeout(calls.submitTimeout())
                .header("Content-Type", form.contentType())
                .header("Idempotency-Key", idempotencyKey)
                .POST(form.publisher())
                .build();
        JsonNode video = calls.json(request, "submit");
        String id = video.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, 200, "submit answer has no video id: " + ProviderCalls.excerpt(video));
        }
        return id;
    }

    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        HttpRequest request = request("/videos?limit=100&order=desc").GET().build();
        JsonNode list = calls.json(request, "list");
        long notBefore = intentAt.minusSeconds(120).getEpochSecond();
        String size = spec.width() + "x" + spec.height();
        for (JsonNode video : list.path("data")) {
            String id = video.path("id").asText();
            if (excluded.contains(id) || video.path("created_at").asLong() < notBefore) {
                continue;
            }
            if (spec.prompt().equals(video.path("prompt").asText())
                    && modelName.apply(spec).equals(video.path("model").asText())
                    && Integer.toString(spec.seconds()).equals(video.path("seconds").asText())
                    && size.equals(video.path("size").asText())) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        HttpRequest request = request("/videos/" + providerJobId).GET().build();
        HttpResponse<byte[]> response = calls.send(request, "poll");
        JsonNode video = calls.parse(response, "poll");
        Duration pollAfter = response.headers().firstValue("openai-poll-after-ms")
                .map(OpenAiVideosClient::millis).orElse(null);
        int progress = video.path("progress").asInt(0);
        String status = video.path("status").asText("");
        return switch (status) {
            case "queued" -> new RenderStatus(RenderStatus.Phase.QUEUED, progress, null, null, pollAfter);
            case "in_progress" -> new RenderStatus(RenderStatus.Phase.RUNNING, progress, null, null, pollAfter);
            case "completed" -> new RenderStatus(RenderStatus.Phase.SUCCEEDED, 100, null, null, pollAfter);
            case "failed" -> new RenderStatus(RenderStatus.Phase.FAILED, progress,
                    video.path("error").path("code").asText(null),
                    video.path("error").path("message").asText(null), pollAfter);
            default -> throw new ProviderException(Kind.TRANSIENT, response.statusCode(),
                    "unknown video status '" + status + "' in " + ProviderCalls.excerpt(video));
        };
    }

    @Override
    public long download(String providerJobId, Path target) {
        HttpRequest request = request("/videos/" + providerJobId + "/content?variant=video")
                .header("Accept", "application/binary").GET().build();
        return calls.download(request, target);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(calls.timeout())
                .header("Authorization", "Bearer " + apiKey)
                .header("User-Agent", "ReelHub");
    }

    /** OpenAI's envelope {@code {"error":{"message","type","param","code"}}} as {@code code: message}. */
    private static String errorMessage(ObjectMapper json, String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.isObject()) {
                String code = error.path("code").asText("");
                return (code.isEmpty() ? "" : code + ": ") + error.path("message").asText("");
            }
        } catch (IOException | RuntimeException ignored) {
            // not the error envelope: show the raw start of the body instead
        }
        return ProviderCalls.excerpt(body);
    }

    private static Duration millis(String header) {
        try {
            return Duration.ofMillis(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
