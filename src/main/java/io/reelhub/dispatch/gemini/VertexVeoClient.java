package io.reelhub.dispatch.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Veo on Vertex AI (the "Gemini Enterprise Agent Platform"):
 * {@code POST projects/{p}/locations/{l}/publishers/google/models/{m}:predictLongRunning} with an OAuth bearer
 * token, polled with {@code POST …/models/{m}:fetchPredictOperation} and {@code {"operationName": name}}. Unlike
 * the Gemini API it takes {@code seed} and {@code generateAudio}. No {@code storageUri} is sent, so the finished
 * operation carries the video inline ({@code response.videos[].bytesBase64Encoded}), decoded by streaming.
 *
 * <p>The bearer token is read from {@code VERTEX_ACCESS_TOKEN} as is. A real deployment mints short-lived tokens
 * from a service account (google-auth-library) and refreshes them; that is out of scope here.
 */
public class VertexVeoClient implements VideoProvider {

    public static final String NAME = "vertex";

    private final Supplier<String> baseUrl;
    private final String project;
    private final String location;
    private final String accessToken;
    private final Function<GenerationSpec, String> modelName;
    private final ObjectMapper json;
    private final ProviderCalls calls;
    private final Duration timeout;
    private final Duration downloadTimeout;

    public VertexVeoClient(Supplier<String> baseUrl, String project, String location, String accessToken,
                           Function<GenerationSpec, String> modelName, ProviderHttp http, ObjectMapper json,
                           Duration timeout, Duration downloadTimeout) {
        this.baseUrl = baseUrl;
        this.project = project;
        this.location = location;
        this.accessToken = accessToken;
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

    /** Vertex documents no idempotency key for {@code predictLongRunning}; see {@link #findSubmitted}. */
    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        String model = "projects/" + project + "/locations/" + location + "/publishers/google/models/"
                + modelName.apply(spec);
        HttpRequest request = request(baseUrl.get() + "/" + model + ":predictLongRunning", timeout)
                .POST(HttpRequest.BodyPublishers.ofString(VeoRequestBody.vertex(spec, json).toString()))
                .build();
        JsonNode operation = calls.json(request, "submit");
        String name = operation.path("name").asText("");
        if (!name.contains("/operations/")) {
            throw new ProviderException(Kind.TRANSIENT, 200, "submit answer has no operation name: "
                    + ProviderCalls.excerpt(operation));
        }
        return name;
    }

    /**
     * Always empty, for the Gemini API's reason: publisher-model operations cannot be listed and no idempotency key
     * exists, so a lost submit answer means submitting again (and possibly paying twice).
     */
    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        HttpResponse<InputStream> response = fetch(providerJobId, timeout, "poll");
        try (InputStream body = response.body()) {
            return VeoOperationStatus.of(VertexOperationReader.withoutVideoBytes(body), true);
        } catch (IOException e) {
            throw new ProviderException(Kind.TRANSIENT, 200, "poll answer is not valid JSON: " + e.getMessage(),
                    null, e);
        }
    }

    @Override
    public long download(String providerJobId, Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        HttpResponse<InputStream> response = fetch(providerJobId, downloadTimeout, "download");
        try (InputStream body = response.body()) {
            Files.createDirectories(target.getParent());
            long written;
            try (OutputStream out = Files.newOutputStream(part)) {
                written = VertexOperationReader.firstVideoTo(body, out);
            }
            if (written < 0) {
                throw new ProviderException(Kind.NOT_FOUND, 200, "operation " + providerJobId
                        + " holds no inline video (a gcsUri answer needs storage access this connector does not have)");
            }
            if (written == 0) {
                throw new ProviderException(Kind.TRANSIENT, 200, "download decoded an empty video");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException e) {
            // a cut connection ends the base64 string or the JSON early: the parser says so, the pump retries
            throw new ProviderException(Kind.TRANSIENT, 200, "download interrupted: " + e.getMessage(), null, e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the next attempt overwrites it
            }
        }
    }

    /** {@code fetchPredictOperation}, answered as a stream: the body may hold the whole video in base64. */
    private HttpResponse<InputStream> fetch(String operationName, Duration within, String what) {
        int split = operationName.indexOf("/operations/");
        if (split < 0) {
            throw new ProviderException(Kind.NOT_FOUND, 0, "not a Vertex operation name: " + operationName);
        }
        String body = json.createObjectNode().put("operationName", operationName).toString();
        HttpRequest request = request(baseUrl.get() + "/" + operationName.substring(0, split) + ":fetchPredictOperation",
                within).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return calls.stream(request, what);
    }

    private HttpRequest.Builder request(String url, Duration within) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(within)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ReelHub");
    }
}
