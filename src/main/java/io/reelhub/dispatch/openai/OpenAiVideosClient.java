package io.reelhub.dispatch.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
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
import io.reelhub.dispatch.FileDownload;
import io.reelhub.dispatch.ProviderException;
import io.reelhub.dispatch.ProviderException.Kind;
import io.reelhub.dispatch.RenderStatus;
import io.reelhub.dispatch.VideoProvider;

/**
 * A client of the OpenAI Videos wire format ({@code /v1/videos}), which lives on in gateways after the OpenAI API
 * itself was shut down, and which the sandbox speaks. One HTTP request per call, no automatic retries.
 */
public class OpenAiVideosClient implements VideoProvider {

    private static final Duration API_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final Function<GenerationSpec, String> modelName;
    private final HttpClient http;
    private final ObjectMapper json;

    /**
     * @param modelName which id goes on the wire: the catalog id for the sandbox, the provider's own id for gateways
     */
    public OpenAiVideosClient(String name, Supplier<String> baseUrl, String apiKey,
                              Function<GenerationSpec, String> modelName, HttpClient http, ObjectMapper json) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.modelName = modelName;
        this.http = http;
        this.json = json;
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
                .header("Content-Type", form.contentType())
                .header("Idempotency-Key", idempotencyKey)
                .POST(form.publisher())
                .build();
        JsonNode video = call(request, "submit");
        String id = video.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, 200, "submit answer has no video id: " + excerpt(video));
        }
        return id;
    }

    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        HttpRequest request = request("/videos?limit=100&order=desc").GET().build();
        JsonNode list = call(request, "list");
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
        HttpResponse<byte[]> response = send(request, "poll");
        JsonNode video = parse(response, "poll");
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
                    "unknown video status '" + status + "' in " + excerpt(video));
        };
    }

    @Override
    public long download(String providerJobId, Path target) {
        HttpRequest request = request("/videos/" + providerJobId + "/content?variant=video")
                .header("Accept", "application/binary").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw failure(response.statusCode(), new String(body.readNBytes(4096)), "download",
                            response.headers().firstValue("retry-after").orElse(null));
                }
                return FileDownload.save(body, response.headers().firstValueAsLong("content-length").orElse(-1),
                        target);
            }
        } catch (IOException e) {
            throw FileDownload.interrupted(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.TRANSIENT, 0, "download interrupted", null, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(API_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("User-Agent", "ReelHub");
    }

    private JsonNode call(HttpRequest request, String what) {
        return parse(send(request, what), what);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw failure(response.statusCode(), new String(response.body()), what,
                        response.headers().firstValue("retry-after").orElse(null));
            }
            return response;
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, 0, what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.TRANSIENT, 0, what + " interrupted", null, e);
        }
    }

    private JsonNode parse(HttpResponse<byte[]> response, String what) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, response.statusCode(),
                    what + " answer is not JSON: " + excerpt(new String(response.body())), null, e);
        }
    }

    private ProviderException failure(int status, String body, String what, String retryAfter) {
        String message = what + " refused with HTTP " + status + ": " + errorMessage(body);
        if (status == 429) {
            return new ProviderException(Kind.RATE_LIMITED, status, message, retryAfter(retryAfter), null);
        }
        if (status == 404) {
            return new ProviderException(Kind.NOT_FOUND, status, message);
        }
        if (status == 408 || status == 409 || status >= 500) {
            return new ProviderException(Kind.TRANSIENT, status, message, retryAfter(retryAfter), null);
        }
        return new ProviderException(Kind.REJECTED, status, message);
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.isObject()) {
                String code = error.path("code").asText("");
                return (code.isEmpty() ? "" : code + ": ") + error.path("message").asText("");
            }
        } catch (IOException | RuntimeException ignored) {
            // not the error envelope: show the raw start of the body instead
        }
        return excerpt(body);
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration millis(String header) {
        try {
            return Duration.ofMillis(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String excerpt(Object body) {
        String text = String.valueOf(body);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
