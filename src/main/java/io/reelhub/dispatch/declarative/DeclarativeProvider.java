package io.reelhub.dispatch.declarative;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

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
 * A video API described by a {@code connectors/<name>.provider.yaml} file: submit, poll and download as the file
 * says, answers read with its JSONPaths, errors classified by its mapping. One request per call, like every
 * provider.
 */
public class DeclarativeProvider implements VideoProvider {

    private static final Configuration JSON_PATH = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS);
    private static final String OUTPUT_URL = "output_url";

    private final String name;
    private final ProviderFile file;
    private final Supplier<String> baseUrl;
    private final String credential;
    private final Function<GenerationSpec, String> modelName;
    private final Duration retryAfter;
    private final ProviderCalls http;
    private final OutputDownload downloads;

    public DeclarativeProvider(ProviderFileReader.Checked checked, Supplier<String> baseUrl, String credential,
                               Function<GenerationSpec, String> modelName, ProviderCalls http,
                               OutputDownload downloads) {
        this.name = checked.name();
        this.file = checked.file();
        this.retryAfter = checked.retryAfter();
        this.baseUrl = baseUrl;
        this.credential = credential;
        this.modelName = modelName;
        this.http = http;
        this.downloads = downloads;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String submit(GenerationSpec spec, String idempotencyKey) {
        ProviderFile.Submit submit = file.submit();
        Map<String, Object> values = Placeholders.of(spec, modelName.apply(spec), idempotencyKey, credential);
        String contentType = submit.contentType() == null ? "application/json" : submit.contentType();
        String path = Placeholders.fill(submit.path(), values);
        if (path == null) {
            throw new ProviderException(Kind.REJECTED, 0, name + ": the submit path needs a value this generation"
                    + " does not have: " + submit.path());
        }
        HttpRequest.Builder request = request(path).timeout(http.submitTimeout()).header("Content-Type", contentType);
        if (submit.headers() != null) {
            submit.headers().forEach((header, template) -> {
                String value = Placeholders.fill(template, values);
                if (value != null) {
                    request.header(header, value);
                }
            });
        }
        ObjectNode body = (ObjectNode) fill(submit.body(), values);
        String payload = contentType.equals("application/json") ? body.toString() : form(body);
        request.method(submit.method() == null ? "POST" : submit.method(),
                HttpRequest.BodyPublishers.ofString(payload));
        DocumentContext answer = call(request.build(), "submit");
        Object id = answer.read(submit.jobId());
        if (id == null || String.valueOf(id).isBlank()) {
            throw new ProviderException(Kind.TRANSIENT, 200, name + ": the submit answer has nothing at "
                    + submit.jobId() + ": " + ProviderCalls.excerpt(answer.jsonString()));
        }
        return String.valueOf(id);
    }

    /** A described API has no way to be asked "do you already have this?": nothing is found. */
    @Override
    public Optional<String> findSubmitted(GenerationSpec spec, Instant intentAt, Set<String> excluded) {
        return Optional.empty();
    }

    @Override
    public RenderStatus poll(String providerJobId) {
        ProviderFile.Poll poll = file.poll();
        String path = poll.path().replace("{id}", URLEncoder.encode(providerJobId, StandardCharsets.UTF_8));
        String method = poll.method() == null ? "GET" : poll.method();
        DocumentContext answer = call(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                "poll");
        String status = String.valueOf(answer.read(poll.status(), Object.class));
        String phase = poll.states().get(status);
        if (phase == null) {
            throw new ProviderException(Kind.TRANSIENT, 200, name + ": unknown status '" + status + "' at "
                    + poll.status() + " (poll.states does not map it)");
        }
        return switch (Phase.valueOf(phase)) {
            case QUEUED -> new RenderStatus(Phase.QUEUED, 0, null, null, null, null,
                    name + " says " + status);
            case RUNNING -> new RenderStatus(Phase.RUNNING, progress(answer, poll), null, null, null);
            case SUCCEEDED -> {
                Object url = answer.read(poll.outputUrl());
                if (url == null || String.valueOf(url).isBlank()) {
                    yield new RenderStatus(Phase.FAILED, 0, "no_output", name + " reported " + status
                            + " but has nothing at " + poll.outputUrl(), null);
                }
                yield new RenderStatus(Phase.SUCCEEDED, 100, null, null, null,
                        ProviderState.empty().with(OUTPUT_URL, String.valueOf(url)).toJson(), null);
            }
            // FAILED_RETRYABLE is refused when the file is read
            case FAILED, FAILED_RETRYABLE -> new RenderStatus(Phase.FAILED, 0, text(answer, poll.errorCode()),
                    Optional.ofNullable(text(answer, poll.errorMessage())).orElse(name + " reported " + status),
                    null);
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
            throw new ProviderException(Kind.NOT_FOUND, 0, name + " job " + job.id() + " has no output URL kept");
        }
        Map<String, String> headers = Boolean.TRUE.equals(file.poll().outputAuth()) ? headers() : Map.of();
        return downloads.fetch(url, headers, target);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(http.timeout())
                .header("User-Agent", "ReelHub");
        headers().forEach(builder::header);
        return builder;
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (file.headers() != null) {
            file.headers().forEach((header, template) -> headers.put(header,
                    template.replace("{credential}", credential)));
        }
        return headers;
    }

    private DocumentContext call(HttpRequest request, String what) {
        HttpResponse<byte[]> response = http.exchange(request, what);
        if (response.statusCode() / 100 != 2) {
            throw failure(what, response);
        }
        // parsed once as JSON by Jackson so that a broken answer reads as such, then read by JSONPath
        return JsonPath.using(JSON_PATH).parse(http.parse(response, what).toString());
    }

    private ProviderException failure(String what, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode body = http.errorBody(response);
        DocumentContext error = JsonPath.using(JSON_PATH).parse(body.toString());
        ProviderFile.Errors errors = file.errors();
        String message = errors == null ? null : text(error, errors.message());
        String code = errors == null ? null : text(error, errors.code());
        Kind kind = ProviderCalls.kindOf(status);
        if (errors != null && errors.status() != null) {
            String exact = errors.status().get(String.valueOf(status));
            String family = errors.status().get(status / 100 + "xx");
            if (exact != null || family != null) {
                kind = Kind.valueOf((exact != null ? exact : family).toUpperCase(Locale.ROOT));
            }
        }
        if (code != null && errors.codes() != null && errors.codes().containsKey(code)) {
            kind = Kind.valueOf(errors.codes().get(code).toUpperCase(Locale.ROOT));
        }
        Duration wait = ProviderCalls.retryAfter(response);
        if (kind == Kind.RATE_LIMITED && wait == null) {
            wait = retryAfter;
        }
        String said = what + " refused by " + name + " with HTTP " + status + (code == null ? "" : " (" + code + ")")
                + ": " + (message != null ? message : ProviderCalls.excerpt(new String(response.body())));
        return new ProviderException(kind, status, said, wait, null);
    }

    private JsonNode fill(JsonNode template, Map<String, Object> values) {
        if (template.isObject()) {
            ObjectNode out = http.json().createObjectNode();
            template.fields().forEachRemaining(field -> {
                JsonNode value = fill(field.getValue(), values);
                if (value != null) {
                    out.set(field.getKey(), value);
                }
            });
            return out;
        }
        if (template.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = http.json().createArrayNode();
            template.forEach(item -> {
                JsonNode value = fill(item, values);
                if (value != null) {
                    out.add(value);
                }
            });
            return out;
        }
        if (template.isTextual()) {
            Object value = Placeholders.value(template.asText(), values);
            return value == null ? null : http.json().valueToTree(value);
        }
        return template;
    }

    private static String form(ObjectNode body) {
        StringJoiner form = new StringJoiner("&");
        body.fields().forEachRemaining(f -> form.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static int progress(DocumentContext answer, ProviderFile.Poll poll) {
        if (poll.progress() == null) {
            return 0;
        }
        Object value = answer.read(poll.progress());
        if (!(value instanceof Number number)) {
            return 0;
        }
        double scale = poll.progressScale() == null ? 1 : poll.progressScale();
        return (int) Math.max(0, Math.min(99, Math.floor(number.doubleValue() * scale)));
    }

    private static String text(DocumentContext answer, String path) {
        if (path == null) {
            return null;
        }
        Object value = answer.read(path);
        return value == null ? null : String.valueOf(value);
    }
}
