package io.reelhub.dispatch.declarative;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

import org.springframework.boot.convert.DurationStyle;

import io.reelhub.dispatch.ProviderException;
import io.reelhub.dispatch.RenderStatus;

/**
 * Reads a {@code <name>.provider.yaml} file and lists every problem with its field path, so that a broken file
 * stops start-up with all that is wrong in it rather than failing a paid job later.
 */
public final class ProviderFileReader {

    public static final String SUFFIX = ".provider.yaml";
    static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ENV = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> RESERVED = Set.of("sandbox", "openai-compatible", "kling", "fal", "runway",
            "replicate", "gemini", "vertex");
    private static final Set<String> CONTENT_TYPES = Set.of("application/json", "application/x-www-form-urlencoded");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A file that passed every check. */
    public record Checked(String name, ProviderFile file, Duration retryAfter) {
    }

    /** Thrown with every problem of a file, each prefixed by the file and the field. */
    public static final class BrokenProviderFile extends IllegalStateException {
        BrokenProviderFile(String file, List<String> problems) {
            super("broken provider file " + file + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    public Checked read(Path path) {
        String fileName = path.getFileName().toString();
        String shown = "connectors/" + fileName;
        List<String> problems = new ArrayList<>();
        String name = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : "";
        if (!NAME.matcher(name).matches()) {
            problems.add("file name: must be <name>" + SUFFIX + " with a kebab-case name (it names the provider)");
        } else if (RESERVED.contains(name)) {
            problems.add("file name: '" + name + "' is a built-in provider's name");
        }
        ProviderFile file;
        try {
            file = yaml.readValue(Files.readAllBytes(path), ProviderFile.class);
        } catch (UnrecognizedPropertyException e) {
            problems.add(e.getPathReference().replaceAll(".*ProviderFile", "") + ": unknown field '"
                    + e.getPropertyName() + "'");
            throw new BrokenProviderFile(shown, problems);
        } catch (IOException e) {
            problems.add("not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
            throw new BrokenProviderFile(shown, problems);
        }
        if (file == null) {
            problems.add("the file is empty");
            throw new BrokenProviderFile(shown, problems);
        }
        Duration retryAfter = check(file, problems::add);
        if (!problems.isEmpty()) {
            throw new BrokenProviderFile(shown, problems);
        }
        return new Checked(name, file, retryAfter);
    }

    private Duration check(ProviderFile file, Consumer<String> problem) {
        if (!Integer.valueOf(1).equals(file.provider())) {
            problem.accept("provider: must be 1 (the schema version)");
        }
        if (blank(file.baseUrl())) {
            problem.accept("base-url: required");
        }
        if (blank(file.credentialEnv()) || !ENV.matcher(file.credentialEnv()).matches()) {
            problem.accept("credential-env: required, the NAME of an environment variable (A-Z, 0-9, _), never"
                    + " the credential itself");
        }
        Map<String, String> headers = file.headers() == null ? Map.of() : file.headers();
        if (headers.values().stream().noneMatch(v -> v != null && v.contains("{credential}"))) {
            problem.accept("headers: one header must carry {credential} (e.g. Authorization: \"Bearer {credential}\")");
        }
        headers.forEach((header, value) -> placeholders("headers." + header, value, Set.of("credential"), problem));
        checkSubmit(file.submit(), problem);
        checkPoll(file.poll(), problem);
        return checkErrors(file.errors(), problem);
    }

    private void checkSubmit(ProviderFile.Submit submit, Consumer<String> problem) {
        if (submit == null) {
            problem.accept("submit: required");
            return;
        }
        if (submit.method() != null && !Set.of("POST", "PUT").contains(submit.method())) {
            problem.accept("submit.method: POST or PUT");
        }
        if (blank(submit.path()) || !submit.path().startsWith("/")) {
            problem.accept("submit.path: required, starting with /");
        } else {
            placeholders("submit.path", submit.path(), Placeholders.SUBMIT, problem);
        }
        if (submit.contentType() != null && !CONTENT_TYPES.contains(submit.contentType())) {
            problem.accept("submit.content-type: one of " + CONTENT_TYPES);
        }
        if (submit.body() == null || !submit.body().isObject()) {
            problem.accept("submit.body: required, a map of the fields to send");
        } else {
            body("submit.body", submit.body(), problem);
            if ("application/x-www-form-urlencoded".equals(submit.contentType())) {
                submit.body().fields().forEachRemaining(f -> {
                    if (f.getValue().isContainerNode()) {
                        problem.accept("submit.body." + f.getKey() + ": a form body is flat (no lists or maps)");
                    }
                });
            }
        }
        if (submit.headers() != null) {
            submit.headers().forEach((h, v) -> placeholders("submit.headers." + h, v, Placeholders.SUBMIT, problem));
        }
        jsonPath("submit.job-id", submit.jobId(), true, problem);
    }

    private void checkPoll(ProviderFile.Poll poll, Consumer<String> problem) {
        if (poll == null) {
            problem.accept("poll: required");
            return;
        }
        if (poll.method() != null && !Set.of("GET", "POST").contains(poll.method())) {
            problem.accept("poll.method: GET or POST");
        }
        if (blank(poll.path()) || !poll.path().startsWith("/") || !poll.path().contains("{id}")) {
            problem.accept("poll.path: required, starting with / and containing {id}");
        } else {
            placeholders("poll.path", poll.path(), Set.of("id"), problem);
        }
        jsonPath("poll.status", poll.status(), true, problem);
        if (poll.states() == null || poll.states().isEmpty()) {
            problem.accept("poll.states: required, provider status → QUEUED, RUNNING, SUCCEEDED or FAILED");
        } else {
            EnumSet<RenderStatus.Phase> seen = EnumSet.noneOf(RenderStatus.Phase.class);
            poll.states().forEach((state, phase) -> {
                try {
                    RenderStatus.Phase mapped = RenderStatus.Phase.valueOf(String.valueOf(phase));
                    if (mapped == RenderStatus.Phase.FAILED_RETRYABLE) {
                        // regeneration needs proof that the provider charged nothing: not declarable in a file
                        throw new IllegalArgumentException(String.valueOf(phase));
                    }
                    seen.add(mapped);
                } catch (IllegalArgumentException e) {
                    problem.accept("poll.states." + state + ": '" + phase
                            + "' is not one of QUEUED, RUNNING, SUCCEEDED, FAILED");
                }
            });
            if (!seen.contains(RenderStatus.Phase.SUCCEEDED) || !seen.contains(RenderStatus.Phase.FAILED)) {
                problem.accept("poll.states: must map at least one status to SUCCEEDED and one to FAILED");
            }
        }
        jsonPath("poll.progress", poll.progress(), false, problem);
        jsonPath("poll.output-url", poll.outputUrl(), true, problem);
        jsonPath("poll.error-code", poll.errorCode(), false, problem);
        jsonPath("poll.error-message", poll.errorMessage(), false, problem);
        if (poll.progressScale() != null && poll.progressScale() <= 0) {
            problem.accept("poll.progress-scale: a positive number (100 when progress is 0..1)");
        }
    }

    private Duration checkErrors(ProviderFile.Errors errors, Consumer<String> problem) {
        if (errors == null) {
            return Duration.ofSeconds(10);
        }
        jsonPath("errors.message", errors.message(), false, problem);
        jsonPath("errors.code", errors.code(), false, problem);
        if (errors.codes() != null && errors.code() == null) {
            problem.accept("errors.codes: needs errors.code, the JSONPath to the code");
        }
        if (errors.codes() != null) {
            errors.codes().forEach((code, kind) -> kind("errors.codes." + code, kind, problem));
        }
        if (errors.status() != null) {
            errors.status().forEach((status, kind) -> {
                if (!String.valueOf(status).matches("[1-5](\\d\\d|xx)")) {
                    problem.accept("errors.status." + status + ": an HTTP status (429) or class (4xx)");
                }
                kind("errors.status." + status, kind, problem);
            });
        }
        if (errors.retryAfter() == null) {
            return Duration.ofSeconds(10);
        }
        try {
            return DurationStyle.detectAndParse(errors.retryAfter());
        } catch (IllegalArgumentException e) {
            problem.accept("errors.retry-after: a duration such as 10s");
            return Duration.ofSeconds(10);
        }
    }

    private static void kind(String where, String kind, Consumer<String> problem) {
        try {
            ProviderException.Kind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem.accept(where + ": '" + kind + "' is not one of RATE_LIMITED, TRANSIENT, REJECTED, NOT_FOUND,"
                    + " CONTENT_POLICY");
        }
    }

    private static void body(String where, JsonNode node, Consumer<String> problem) {
        if (node.isTextual()) {
            placeholders(where, node.asText(), Placeholders.SUBMIT, problem);
            if (node.asText().contains("{credential}")) {
                problem.accept(where + ": {credential} belongs in a header, not in the body");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> body(where + "." + f.getKey(), f.getValue(), problem));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                body(where + "[" + i + "]", node.get(i), problem);
            }
        }
    }

    private static void placeholders(String where, String text, Set<String> allowed, Consumer<String> problem) {
        Set<String> unknown = Placeholders.unknown(text, allowed);
        if (!unknown.isEmpty()) {
            problem.accept(where + ": unknown placeholder(s) " + unknown + "; allowed here: " + new java.util.TreeSet<>(allowed));
        }
    }

    private static void jsonPath(String where, String path, boolean required, Consumer<String> problem) {
        if (blank(path)) {
            if (required) {
                problem.accept(where + ": required, a JSONPath such as $.id");
            }
            return;
        }
        try {
            JsonPath.compile(path);
        } catch (InvalidPathException | IllegalArgumentException e) {
            problem.accept(where + ": '" + path + "' is not a JSONPath (" + e.getMessage() + ")");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
