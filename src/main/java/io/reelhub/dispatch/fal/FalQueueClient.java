package io.reelhub.dispatch.fal;

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
 * A client of fal's queue ({@code queue.fal.run}). The submit answer's {@code status_url}, {@code response_url} and
 * {@code cancel_url} are kept with the job and used as given (status, result and cancel live under the endpoint's
 * owner/app only, not its full id). fal has no failed state: a request ends COMPLETED and its result is the error,
 * so a completed request's result is read while polling and an error there fails the job.
 */
public class FalQueueClient implements VideoProvider {

    public static final String NAME = "fal";
    static final String ENDPOINT = "endpoint";
    static final String STATUS_URL = "status_url";
    static final String RESPONSE_URL = "response_url";
    static final String CANCEL_URL = "cancel_url";
    static final String VIDEO_URL = "video_url";

    private final Supplier<String> baseUrl;
    private final String apiKey;
    private final Function<GenerationSpec, String> endpoints;
    private final ProviderCalls http;
    private final OutputDownload downloads;
    private final Supplier<String> webhookUrl;

    /**
     * @param webhookUrl where fal is asked to send its webhook ({@code ?fal_webhook=}); null for none. A webhook only
     *                   makes the hub poll sooner: polling runs either way
     */
    public FalQueueClient(Supplier<String> baseUrl, String apiKey, Function<GenerationSpec, String> endpoints,
                          ProviderCalls http, OutputDownload downloads, Supplier<String> webhookUrl) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.endpoints = endpoints;
        this.http = http;
        this.downloads = downloads;
        this.webhookUrl = webhookUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        return submitJob(spec, idempotencyKey).id();
    }

    @Override
    public ProviderJob submitJob(GenerationSpec spec, String idempotencyKey) {
        String endpoint = endpoints.apply(spec);
        String webhook = webhookUrl == null ? "" : "?fal_webhook="
                + URLEncoder.encode(webhookUrl.get(), StandardCharsets.UTF_8);
        HttpRequest request = request(baseUrl.get() + "/" + endpoint + webhook)
                .timeout(http.submitTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FalInputs.of(endpoint, spec, http.json()).toString()))
                .build();
        HttpResponse<byte[]> response = http.exchange(request, "submit");
        if (response.statusCode() / 100 != 2) {
            throw failure("submit", response);
        }
        JsonNode answer = http.parse(response, "submit");
        String requestId = answer.path("request_id").asText("");
        if (requestId.isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, response.statusCode(), "fal's submit answer has no request_id: "
                    + ProviderCalls.excerpt(answer));
        }
        ProviderState state = ProviderState.empty().with(ENDPOINT, endpoint)
                .with(STATUS_URL, text(answer, STATUS_URL))
                .with(RESPONSE_URL, text(answer, RESPONSE_URL))
                .with(CANCEL_URL, text(answer, CANCEL_URL));
        return new ProviderJob(requestId, state.toJson());
    }

    /** fal cannot list requests by their input or a client key: an interrupted submit cannot be found again. */
    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        throw new IllegalStateException("fal is polled at the status URL its submit answer gave; job "
                + providerJobId + " has none kept");
    }

    @Override
    public RenderStatus poll(ProviderJob job) {
        ProviderState state = ProviderState.parse(job.state());
        String statusUrl = url(state, STATUS_URL, job.id(), "/status");
        HttpResponse<byte[]> response = http.exchange(request(statusUrl).GET().build(), "poll");
        if (response.statusCode() / 100 != 2) {
            throw failure("poll", response);
        }
        JsonNode status = http.parse(response, "poll");
        return switch (status.path("status").asText("")) {
            case "IN_QUEUE" -> {
                int position = status.path("queue_position").asInt(-1);
                // fal's queue can stall with position 0: say where the job is, so a backlog is told from a hang
                yield new RenderStatus(Phase.QUEUED, 0, null, null, null, null,
                        position >= 0 ? "waiting in fal's queue at position " + position : "waiting in fal's queue");
            }
            case "IN_PROGRESS" -> new RenderStatus(Phase.RUNNING, 0, null, null, null, null, null);
            case "COMPLETED" -> completed(job, state, status);
            default -> throw new ProviderException(Kind.TRANSIENT, response.statusCode(), "unknown fal status '"
                    + status.path("status").asText() + "' in " + ProviderCalls.excerpt(status));
        };
    }

    /** COMPLETED says only that fal is done: the result tells success from failure. */
    private RenderStatus completed(ProviderJob job, ProviderState state, JsonNode status) {
        if (status.hasNonNull("error")) {
            return new RenderStatus(Phase.FAILED, 0, status.path("error_type").asText(null),
                    status.path("error").asText(), null);
        }
        HttpResponse<byte[]> response = http.exchange(request(url(state, RESPONSE_URL, job.id(), "")).GET().build(),
                "result");
        int code = response.statusCode();
        if (code / 100 != 2) {
            if (code == 429 || code == 408 || code >= 500) {
                throw failure("result", response);
            }
            // 4xx on a completed request's result: the request failed (422 validation or content policy)
            JsonNode error = http.errorBody(response);
            return new RenderStatus(Phase.FAILED, 0, errorType(error, response), errorMessage(error, response),
                    null);
        }
        JsonNode result = http.parse(response, "result");
        if (result.hasNonNull("error") || result.hasNonNull("detail")) {
            return new RenderStatus(Phase.FAILED, 0, errorType(result, response), errorMessage(result, response),
                    null);
        }
        String videoUrl = result.path("video").path("url").asText("");
        if (videoUrl.isBlank()) {
            return new RenderStatus(Phase.FAILED, 0, "no_output", "fal completed the request without a video: "
                    + ProviderCalls.excerpt(result), null);
        }
        return new RenderStatus(Phase.SUCCEEDED, 100, null, null, null, state.with(VIDEO_URL, videoUrl).toJson(),
                null);
    }

    @Override
    public long download(String providerJobId, Path target) {
        return download(ProviderJob.of(providerJobId), target);
    }

    @Override
    public long download(ProviderJob job, Path target) {
        String videoUrl = ProviderState.parse(job.state()).get(VIDEO_URL);
        if (videoUrl == null) {
            throw new ProviderException(Kind.NOT_FOUND, 0, "fal request " + job.id()
                    + " has no video URL kept from its result");
        }
        // fal media URLs are public; the key is not sent to the CDN
        return downloads.fetch(videoUrl, Map.of(), target);
    }

    @Override
    public void cancel(ProviderJob job) {
        String cancelUrl = url(ProviderState.parse(job.state()), CANCEL_URL, job.id(), "/cancel");
        HttpResponse<byte[]> response = http.exchange(request(cancelUrl)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), "cancel");
        if (response.statusCode() / 100 != 2) {
            throw failure("cancel", response);
        }
    }

    @Override
    public void cancel(String providerJobId) {
        throw new UnsupportedOperationException("fal cancels at the cancel URL kept from the submit answer:"
                + " call cancel(ProviderJob)");
    }

    /** A URL from the submit answer, or (for a job kept without one) the documented owner/app form. */
    private String url(ProviderState state, String key, String requestId, String suffix) {
        String kept = state.get(key);
        if (kept != null) {
            return kept;
        }
        String endpoint = state.get(ENDPOINT);
        if (endpoint == null) {
            throw new ProviderException(Kind.NOT_FOUND, 0, "fal request " + requestId + " has no " + key + " kept");
        }
        String[] parts = endpoint.split("/");
        String app = parts.length >= 2 ? parts[0] + "/" + parts[1] : endpoint;
        return baseUrl.get() + "/" + app + "/requests/" + requestId + suffix;
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(http.timeout())
                .header("Authorization", "Key " + apiKey)
                .header("User-Agent", "ReelHub");
    }

    private ProviderException failure(String what, HttpResponse<byte[]> response) {
        JsonNode error = http.errorBody(response);
        int status = response.statusCode();
        String message = what + " refused by fal with HTTP " + status + ": " + errorMessage(error, response);
        return new ProviderException(ProviderCalls.kindOf(status), status, message, ProviderCalls.retryAfter(response), null);
    }

    private static String errorType(JsonNode error, HttpResponse<byte[]> response) {
        JsonNode detail = error.path("detail");
        if (detail.isArray() && detail.size() > 0 && detail.get(0).hasNonNull("type")) {
            return detail.get(0).path("type").asText();
        }
        if (error.hasNonNull("error_type")) {
            return error.path("error_type").asText();
        }
        return response.headers().firstValue("x-fal-error-type").orElse(null);
    }

    /** fal's two error shapes: {@code {"detail":[{loc,msg,type}]}} (422) and {@code {"detail":"...","error_type"}}. */
    private static String errorMessage(JsonNode error, HttpResponse<byte[]> response) {
        JsonNode detail = error.path("detail");
        if (detail.isArray() && detail.size() > 0) {
            StringBuilder text = new StringBuilder();
            for (JsonNode item : detail) {
                if (!text.isEmpty()) {
                    text.append("; ");
                }
                JsonNode loc = item.path("loc");
                if (loc.isArray() && loc.size() > 0) {
                    text.append(loc.get(loc.size() - 1).asText()).append(": ");
                }
                text.append(item.path("msg").asText(item.toString()));
            }
            return text.toString();
        }
        if (detail.isTextual()) {
            return detail.asText();
        }
        if (error.hasNonNull("error")) {
            return error.path("error").asText();
        }
        return ProviderCalls.excerpt(new String(response.body()));
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isBlank() ? null : value;
    }
}
