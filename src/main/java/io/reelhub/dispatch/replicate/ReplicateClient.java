package io.reelhub.dispatch.replicate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.ProviderCalls;
import io.reelhub.dispatch.ProviderException;
import io.reelhub.dispatch.ProviderHttp;
import io.reelhub.dispatch.ProviderException.Kind;
import io.reelhub.dispatch.RenderStatus;
import io.reelhub.dispatch.RenderStatus.Phase;
import io.reelhub.dispatch.VideoProvider;

/**
 * Replicate's predictions API ({@code api.replicate.com/v1}, {@code Authorization: Bearer}). A catalog wire id
 * {@code owner/name} runs an official model ({@code POST /models/{owner}/{name}/predictions}); {@code
 * owner/name:version} runs a pinned version ({@code POST /predictions} with {@code version}), the only way for
 * community models. Every prediction carries {@code Cancel-After}, so a paid prediction that hangs is stopped by
 * Replicate itself; {@code Prefer: wait=N} is optional. Outputs are deleted an hour after the prediction, so the
 * pump downloads as soon as a poll says {@code succeeded}. Replicate takes no idempotency key: a lost submit answer
 * is found again in the list of predictions ({@link #findSubmitted}).
 */
public class ReplicateClient implements VideoProvider {

    public static final String NAME = "replicate";

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    /**
     * @param preferWaitSeconds {@code Prefer: wait=N}; 0 sends no {@code Prefer} (the submit answers at once)
     * @param cancelAfter       the {@code Cancel-After} deadline ({@code 30m}); blank sends none
     */
    public record Settings(Duration timeout, Duration downloadTimeout, int preferWaitSeconds, String cancelAfter) {
    }

    private final Supplier<String> baseUrl;
    private final String token;
    private final Function<GenerationSpec, String> modelName;
    private final ObjectMapper json;
    private final ProviderCalls calls;
    private final Settings settings;

    public ReplicateClient(Supplier<String> baseUrl, String token, Function<GenerationSpec, String> modelName,
                           ProviderHttp http, ObjectMapper json, Settings settings) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.modelName = modelName;
        this.json = json;
        this.calls = new ProviderCalls(NAME, http, json, ReplicateErrors::text);
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        String wire = modelName.apply(spec);
        String model = model(wire);
        ObjectNode body = json.createObjectNode();
        String path;
        if (wire.contains(":")) {
            // the full owner/name:version form, which /predictions accepts besides the bare 64-character id
            body.put("version", wire);
            path = "/predictions";
        } else {
            path = "/models/" + model + "/predictions";
        }
        body.set("input", ReplicateInput.of(model, spec, json));
        Duration timeout = settings.timeout().plusSeconds(settings.preferWaitSeconds());
        HttpRequest.Builder request = request(baseUrl.get() + path, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (settings.preferWaitSeconds() > 0) {
            request.header("Prefer", "wait=" + settings.preferWaitSeconds());
        }
        if (settings.cancelAfter() != null && !settings.cancelAfter().isBlank()) {
            request.header("Cancel-After", settings.cancelAfter().strip());
        }
        JsonNode prediction = calls.json(request.build(), "submit");
        String id = prediction.path("id").asText("");
        if (id.isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, 200, "submit answer has no prediction id: "
                    + ProviderCalls.excerpt(prediction));
        }
        return id;
    }

    /**
     * Lists the newest predictions ({@code GET /predictions}, newest first) and adopts one created since the intent
     * (less two minutes of clock skew) for the same model, version and prompt that no other job owns.
     */
    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        String wire = modelName.apply(spec);
        JsonNode page = calls.json(request(baseUrl.get() + "/predictions", settings.timeout()).GET().build(), "list");
        Instant notBefore = intentAt.minusSeconds(120);
        for (JsonNode prediction : page.path("results")) {
            String id = prediction.path("id").asText("");
            Instant created = instant(prediction.path("created_at").asText(""));
            if (id.isEmpty() || excluded.contains(id) || created == null || created.isBefore(notBefore)) {
                continue;
            }
            boolean sameModel = model(wire).equals(prediction.path("model").asText())
                    && (!wire.contains(":") || version(wire).equals(prediction.path("version").asText()));
            if (sameModel && spec.prompt().equals(prediction.path("input").path("prompt").asText())) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        JsonNode prediction = prediction(providerJobId, "poll");
        String status = prediction.path("status").asText("");
        String error = prediction.path("error").isNull() ? null : prediction.path("error").asText(null);
        return switch (status) {
            case "starting" -> new RenderStatus(Phase.QUEUED, 0, null, null, null);
            case "processing" -> new RenderStatus(Phase.RUNNING, progress(prediction), null, null, null);
            case "succeeded" -> new RenderStatus(Phase.SUCCEEDED, 100, null, null, null);
            case "failed" -> new RenderStatus(Phase.FAILED, 0, flagged(error) ? "content_policy" : "failed",
                    flagged(error) ? "the model's safety checker flagged the output (not retried; change the "
                            + "prompt): " + error : error == null ? "the prediction failed without a reason" : error,
                    null);
            case "canceled" -> new RenderStatus(Phase.FAILED, 0, "canceled", "the prediction was canceled at "
                    + "Replicate (by hand, or by its Cancel-After deadline of " + settings.cancelAfter() + ")", null);
            case "aborted" -> new RenderStatus(Phase.FAILED, 0, "aborted", "the prediction's Cancel-After deadline of "
                    + settings.cancelAfter() + " passed before it started; nothing was billed", null);
            default -> throw new ProviderException(Kind.TRANSIENT, 200, "unknown prediction status '" + status
                    + "' in " + ProviderCalls.excerpt(prediction));
        };
    }

    @Override
    public long download(String providerJobId, Path target) {
        JsonNode prediction = prediction(providerJobId, "download");
        JsonNode output = prediction.path("output");
        String uri = output.isArray() ? output.path(0).asText("") : output.asText("");
        if (prediction.path("data_removed").asBoolean(false) || uri.isBlank()) {
            throw new ProviderException(Kind.NOT_FOUND, 200, "prediction " + providerJobId + " has no output any more"
                    + " (Replicate removes outputs an hour after the prediction)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(settings.downloadTimeout())
                .header("User-Agent", "ReelHub").GET();
        if (trustedHost(uri)) {
            // Replicate's docs ask for the token on file outputs; it never goes to a host that is not Replicate's
            request.header("Authorization", "Bearer " + token);
        }
        return calls.download(request.build(), target);
    }

    @Override
    public void cancel(String providerJobId) {
        calls.json(request(baseUrl.get() + "/predictions/" + providerJobId + "/cancel", settings.timeout())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), "cancel");
    }

    private JsonNode prediction(String id, String what) {
        return calls.json(request(baseUrl.get() + "/predictions/" + id, settings.timeout()).GET().build(), what);
    }

    private HttpRequest.Builder request(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "ReelHub");
    }

    private boolean trustedHost(String uri) {
        String host = URI.create(uri).getHost();
        URI api = URI.create(baseUrl.get());
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals(api.getHost()) || lower.endsWith(".replicate.delivery") || lower.equals("replicate.delivery")
                || lower.endsWith(".replicate.com");
    }

    /** Replicate has no progress field; video models log a percentage often enough to show one. */
    private static int progress(JsonNode prediction) {
        Matcher matcher = PERCENT.matcher(prediction.path("logs").asText(""));
        int last = 0;
        while (matcher.find()) {
            last = Math.min(99, Integer.parseInt(matcher.group(1)));
        }
        return last;
    }

    /** Safety-checker refusals read "… flagged as sensitive (E005)" in the wild; the code itself is unconfirmed. */
    private static boolean flagged(String error) {
        if (error == null) {
            return false;
        }
        String lower = error.toLowerCase(Locale.ROOT);
        return lower.contains("e005") || lower.contains("flagged as sensitive") || lower.contains("nsfw");
    }

    static String model(String wire) {
        int colon = wire.indexOf(':');
        return colon < 0 ? wire : wire.substring(0, colon);
    }

    static String version(String wire) {
        int colon = wire.indexOf(':');
        return colon < 0 ? "" : wire.substring(colon + 1);
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
