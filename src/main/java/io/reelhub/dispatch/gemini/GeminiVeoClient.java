package io.reelhub.dispatch.gemini;

import java.net.URI;
import java.net.http.HttpRequest;
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
import io.reelhub.dispatch.ProviderHttp;
import io.reelhub.dispatch.ProviderException.Kind;
import io.reelhub.dispatch.RenderStatus;
import io.reelhub.dispatch.VideoProvider;

/**
 * Veo on the Gemini API ({@code generativelanguage.googleapis.com/v1beta}): {@code POST models/{model}:predictLongRunning}
 * with {@code x-goog-api-key}, then {@code GET /v1beta/{operation name}} until {@code done}, then the sample's
 * {@code video.uri} ({@code files/{id}:download?alt=media}) fetched with the same key. One request per call for
 * submit and poll; a download reads the operation again for the file's address (an unpaid GET), then the file.
 */
public class GeminiVeoClient implements VideoProvider {

    public static final String NAME = "gemini";

    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final Function<GenerationSpec, String> modelName;
    private final ObjectMapper json;
    private final ProviderCalls calls;
    private final Duration timeout;
    private final Duration downloadTimeout;

    public GeminiVeoClient(Supplier<String> baseUrl, String apiKey, Function<GenerationSpec, String> modelName,
                           ProviderHttp http, ObjectMapper json, Duration timeout, Duration downloadTimeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.modelName = modelName;
        this.json = json;
        this.calls = new ProviderCalls(NAME, http, json, GoogleErrors::text, GoogleErrors::retryDelay);
        this.timeout = timeout;
        this.downloadTimeout = downloadTimeout;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The Gemini API takes no idempotency key (none is documented), so {@code idempotencyKey} cannot be sent: see
     * {@link #findSubmitted} for what that means after a lost answer.
     */
    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        HttpRequest request = request(baseUrl.get() + "/models/" + modelName.apply(spec) + ":predictLongRunning")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VeoRequestBody.gemini(spec, json).toString()))
                .build();
        JsonNode operation = calls.json(request, "submit");
        String name = operation.path("name").asText("");
        if (name.isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, 200, "submit answer has no operation name: "
                    + ProviderCalls.excerpt(operation));
        }
        return name;
    }

    /**
     * Always empty: the Gemini API has no list of video operations and no idempotency key, so a submit whose answer
     * was lost (a timeout, a crash before the operation name was saved) cannot be found again. The pump then submits
     * once more; if the first request did reach Google, that generation is paid for and never collected. The hub
     * keeps the window small (the submit's timeout is generous, the name is saved in the same step) but cannot
     * close it: the risk is stated here, in docs/architecture.md and in the job's history ("submitted again").
     */
    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        return VeoOperationStatus.of(operation(providerJobId, "poll"), false);
    }

    @Override
    public long download(String providerJobId, Path target) {
        JsonNode operation = operation(providerJobId, "download");
        JsonNode samples = VeoOperationStatus.samples(VeoOperationStatus.result(operation, false), false);
        String uri = samples.path(0).path("video").path("uri").asText("");
        if (uri.isBlank()) {
            throw new ProviderException(Kind.NOT_FOUND, 200, "operation " + providerJobId + " has no video to download: "
                    + ProviderCalls.excerpt(operation));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(downloadTimeout)
                .header("User-Agent", "ReelHub").GET();
        if (sameHost(uri)) {
            // the key goes only where the API lives: a URI pointing elsewhere must not collect it
            request.header("x-goog-api-key", apiKey);
        }
        return calls.download(request.build(), target);
    }

    private JsonNode operation(String name, String what) {
        return calls.json(request(baseUrl.get() + "/" + name).GET().build(), what);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("x-goog-api-key", apiKey)
                .header("User-Agent", "ReelHub");
    }

    private boolean sameHost(String uri) {
        URI api = URI.create(baseUrl.get());
        URI file = URI.create(uri);
        return api.getHost() != null && api.getHost().equalsIgnoreCase(file.getHost()) && api.getPort() == file.getPort();
    }
}
