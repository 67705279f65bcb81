package io.reelhub.sandbox.replicate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.DownloadStreamer;
import io.reelhub.sandbox.JobError;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxPaths;
import io.reelhub.sandbox.SandboxProperties;
import io.reelhub.sandbox.SandboxRateLimit;
import io.reelhub.sandbox.SandboxRenderScheduler;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.sandbox.VideoStatus;
import io.reelhub.sandbox.VideoSubmissions;

/**
 * The sandbox's Replicate predictions API: a client's base URL is {@code http://<host>:<port>/sandbox/replicate/v1}.
 * Official models ({@code POST models/{owner}/{name}/predictions}), pinned versions ({@code POST predictions} with
 * {@code version}), {@code Prefer: wait=N}, {@code Cancel-After}, poll, cancel and list, bearer auth and problem+json
 * errors; statuses {@code starting}, {@code processing}, {@code succeeded}, {@code failed}, {@code canceled} and
 * {@code aborted}. Outputs are served under {@code /sandbox/replicate/delivery/} (Replicate's file host) for the
 * sandbox's content TTL, after which the prediction shows {@code data_removed: true} and no output.
 */
@RestController
@RequestMapping("/sandbox/replicate")
@ConditionalOnSandboxEnabled
@EnableConfigurationProperties(ReplicateSandboxModels.class)
public class ReplicateSandboxController {

    static final String PROTOCOL = "replicate";
    static final String FLAGGED = "The output was flagged as sensitive. Please try again with different inputs. (E005)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("(?:([\\w.-]+/[\\w.-]+):)?([0-9a-f]{64})");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final int PAGE = 100;

    private final VideoSubmissions submissions;
    private final SandboxVideoStore store;
    private final SandboxRenderScheduler scheduler;
    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final SandboxPaths paths;
    private final DownloadStreamer streamer;
    private final SandboxProperties properties;
    private final ReplicateSandboxModels models;
    private final SandboxRateLimit rateLimit;

    public ReplicateSandboxController(VideoSubmissions submissions, SandboxVideoStore store,
                                      SandboxRenderScheduler scheduler, SandboxFaults faults, SandboxCounters counters,
                                      SandboxPaths paths, DownloadStreamer streamer, SandboxProperties properties,
                                      ReplicateSandboxModels models, SandboxRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.submissions = submissions;
        this.store = store;
        this.scheduler = scheduler;
        this.faults = faults;
        this.counters = counters;
        this.paths = paths;
        this.streamer = streamer;
        this.properties = properties;
        this.models = models;
    }

    @PostMapping("/v1/models/{owner}/{name}/predictions")
    public ResponseEntity<String> createForModel(@PathVariable String owner, @PathVariable String name,
                                                 @RequestBody(required = false) byte[] body,
                                                 @RequestHeader(value = "Prefer", required = false) String prefer,
                                                 @RequestHeader(value = "Cancel-After", required = false) String cancelAfter,
                                                 HttpServletRequest request) {
        authenticate(request);
        String model = owner + "/" + name;
        if (!models.models().contains(model)) {
            throw ReplicateApiException.notFound("Model " + model + " is not an official model the sandbox runs; "
                    + "run a pinned version with POST /v1/predictions instead.");
        }
        return create(model, null, object(body), prefer, cancelAfter);
    }

    @PostMapping("/v1/predictions")
    public ResponseEntity<String> createForVersion(@RequestBody(required = false) byte[] body,
                                                   @RequestHeader(value = "Prefer", required = false) String prefer,
                                                   @RequestHeader(value = "Cancel-After", required = false) String cancelAfter,
                                                   HttpServletRequest request) {
        authenticate(request);
        JsonNode root = object(body);
        String version = root.path("version").asText("");
        String model;
        String versionId = null;
        Matcher pinned = VERSION.matcher(version);
        if (pinned.matches() && pinned.group(1) != null && models.models().contains(pinned.group(1))) {
            model = pinned.group(1);
            versionId = pinned.group(2);
        } else if (models.models().contains(version)) {
            model = version;
        } else {
            throw ReplicateApiException.invalid("- version: Invalid version or not permitted ('" + version + "'); "
                    + "the sandbox runs owner/name or owner/name:<version id> of its official models.");
        }
        return create(model, versionId, root, prefer, cancelAfter);
    }

    @GetMapping("/v1/predictions/{id}")
    public ResponseEntity<String> get(@PathVariable String id, HttpServletRequest request) throws IOException {
        authenticate(request);
        faults.of(PROTOCOL).takePollFault().ifPresent(status -> {
            counters.pollFailed();
            throw ReplicateApiException.server(status);
        });
        faults.of(PROTOCOL).takeSlowPoll().ifPresent(io.reelhub.sandbox.ArmedFaults::delay);
        counters.polled();
        String json = JSON.writeValueAsString(view(existing(id)));
        return answer(200, faults.of(PROTOCOL).takeMalformedPoll() ? json.substring(0, json.length() / 2) : json);
    }

    @PostMapping("/v1/predictions/{id}/cancel")
    public ResponseEntity<String> cancel(@PathVariable String id, HttpServletRequest request) throws IOException {
        authenticate(request);
        existing(id);
        SandboxVideo video = store.update("video_" + id, v -> v.status().terminal() ? v : v.cancelled(Instant.now()))
                .orElseThrow(() -> ReplicateApiException.notFound("Prediction not found."));
        return answer(200, JSON.writeValueAsString(view(video)));
    }

    /** Newest first, {@value #PAGE} a page, {@code next} carrying the cursor. */
    @GetMapping("/v1/predictions")
    public ResponseEntity<String> list(@RequestParam(required = false) String cursor, HttpServletRequest request)
            throws IOException {
        authenticate(request);
        List<SandboxVideo> newestFirst = new ArrayList<>(store.all().stream()
                .filter(v -> PROTOCOL.equals(v.protocol())).toList());
        Collections.reverse(newestFirst);
        long before = cursor == null ? Long.MAX_VALUE : SandboxVideoStore.sequenceOf("video_" + cursor);
        List<Map<String, Object>> results = new ArrayList<>();
        String next = null;
        for (SandboxVideo video : newestFirst) {
            if (video.sequence() >= before) {
                continue;
            }
            if (results.size() == PAGE) {
                next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor",
                        newestFirst.get(newestFirst.indexOf(video) - 1).bareId()).build().toUriString();
                break;
            }
            results.add(view(video));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("previous", null);
        page.put("next", next);
        page.put("results", results);
        return answer(200, JSON.writeValueAsString(page));
    }

    /** Replicate's file host: outputs need no token here, though one may be sent. */
    @GetMapping("/delivery/{id}/output.mp4")
    public void output(@PathVariable String id, HttpServletResponse response) throws IOException {
        SandboxVideo video = existing(id);
        if (video.status() != VideoStatus.COMPLETED || video.expired(Instant.now())
                || faults.of(PROTOCOL).takeExpiredDownload()) {
            throw ReplicateApiException.notFound("The file has been removed.");
        }
        try {
            counters.downloaded(streamer.stream(paths.clip(video.id()), "video/mp4", response,
                    faults.of(PROTOCOL).takeDownloadShape()));
        } catch (NoSuchFileException e) {
            throw ReplicateApiException.notFound("The file has been removed.");
        }
    }

    @ExceptionHandler(ReplicateApiException.class)
    public ResponseEntity<Map<String, Object>> refused(ReplicateApiException e, HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/predictions")) {
            counters.rejected(PROTOCOL, e.status());
        }
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        return ResponseEntity.status(e.status()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(e.body());
    }

    private ResponseEntity<String> create(String model, String versionId, JsonNode root, String prefer,
                                          String cancelAfter) {
        faults.of(PROTOCOL).takeSubmitFault().ifPresent(fault -> {
            throw fault.rateLimited() ? ReplicateApiException.throttled(fault.retryAfterSeconds())
                    : ReplicateApiException.server(fault.status());
        });
        Instant deadline = cancelAfter == null ? null : Instant.now().plus(duration(cancelAfter));
        var input = ReplicateInputReader.read(model, root.path("input"), deadline);
        rateLimit.tryAdmit(PROTOCOL + "/" + input.model()).ifPresent(wait -> {
            throw ReplicateApiException.throttled(wait);
        });
        Optional<java.time.Duration> slow = faults.of(PROTOCOL).takeSlowSubmit();
        SandboxVideo video = submissions.submit(input).video();
        if (versionId != null) {
            versions.put(video.id(), versionId);
        }
        slow.ifPresent(io.reelhub.sandbox.ArmedFaults::delay);
        int wait = waitSeconds(prefer);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(wait);
        while (wait > 0 && System.nanoTime() < until
                && !store.find(video.id()).map(v -> v.status().terminal()).orElse(true)) {
            pause(50);
        }
        String json;
        try {
            json = JSON.writeValueAsString(view(store.find(video.id()).orElse(video)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return answer(201, faults.of(PROTOCOL).takeMalformedSubmit() ? json.substring(0, json.length() / 2) : json);
    }

    /** Pinned version ids by job: the shared store has no field for them, and they are display only. */
    private final Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<String, Object> view(SandboxVideo video) {
        Instant now = Instant.now();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/sandbox/replicate").build()
                .toUriString();
        Map<String, Object> prediction = new LinkedHashMap<>();
        prediction.put("id", video.bareId());
        prediction.put("model", video.model());
        prediction.put("version", versions.getOrDefault(video.id(), "hidden"));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", video.prompt());
        input.put("duration", video.seconds());
        prediction.put("input", input);
        prediction.put("logs", video.status() == VideoStatus.IN_PROGRESS
                ? "rendering " + scheduler.progressOf(video, now) + "%" : "");
        boolean removed = video.status() == VideoStatus.COMPLETED && video.expired(now);
        prediction.put("output", video.status() == VideoStatus.COMPLETED && !removed
                ? base + "/delivery/" + video.bareId() + "/output.mp4" : null);
        prediction.put("data_removed", removed);
        prediction.put("error", error(video));
        prediction.put("status", status(video));
        prediction.put("created_at", video.createdAt().toString());
        prediction.put("started_at", video.startedAt() == null ? null : video.startedAt().toString());
        prediction.put("completed_at", video.completedAt() == null ? null : video.completedAt().toString());
        if (video.deadline() != null) {
            prediction.put("deadline", video.deadline().toString());
        }
        prediction.put("urls", Map.of("get", base + "/v1/predictions/" + video.bareId(),
                "cancel", base + "/v1/predictions/" + video.bareId() + "/cancel",
                "web", "https://replicate.com/p/" + video.bareId()));
        if (video.completedAt() != null && video.startedAt() != null) {
            prediction.put("metrics", Map.of("predict_time",
                    Duration.between(video.startedAt(), video.completedAt()).toMillis() / 1000.0));
        }
        return prediction;
    }

    private static String status(SandboxVideo video) {
        return switch (video.status()) {
            case QUEUED -> "starting";
            case IN_PROGRESS -> "processing";
            case COMPLETED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> video.startedAt() == null ? "aborted" : "canceled";
        };
    }

    private static String error(SandboxVideo video) {
        if (video.status() != VideoStatus.FAILED || video.error() == null) {
            return null;
        }
        if (JobError.FILTERED.equals(video.error().code())) {
            return video.error().message() == null ? FLAGGED : video.error().message();
        }
        return video.error().message();
    }

    private SandboxVideo existing(String id) {
        return store.find("video_" + id).filter(v -> PROTOCOL.equals(v.protocol()))
                .orElseThrow(() -> ReplicateApiException.notFound("Prediction not found."));
    }

    private static JsonNode object(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body == null ? new byte[0] : body);
            if (root == null || !root.isObject()) {
                throw new IOException("expected a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ReplicateApiException(400, "Invalid JSON", "The request body is not valid JSON: "
                    + e.getMessage(), Map.of());
        }
    }

    /** Go-style durations as Replicate takes them: {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 500ms}. */
    static Duration duration(String text) {
        Matcher part = DURATION.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = part.end();
        }
        if (end == 0 || end != text.strip().length() || total.isZero()) {
            throw new ReplicateApiException(400, "Invalid Cancel-After header", "Cancel-After must be a duration "
                    + "such as 30s, 5m or 1h30m, got '" + text + "'.", Map.of());
        }
        return total;
    }

    private static int waitSeconds(String prefer) {
        if (prefer == null || !prefer.strip().startsWith("wait")) {
            return 0;
        }
        String value = prefer.strip().substring(4).replace("=", "").strip();
        try {
            return value.isEmpty() ? 60 : Math.max(1, Math.min(60, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private void authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String token = header == null ? "" : header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : header.regionMatches(true, 0, "Token ", 0, 6)
                ? header.substring(6).strip() : "";
        if (token.isEmpty()) {
            throw new ReplicateApiException(401, "Unauthenticated", "You did not pass an authentication token",
                    Map.of());
        }
        if (properties.apiKey() != null && !MessageDigest.isEqual(properties.apiKey().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ReplicateApiException(401, "Unauthenticated", "You did not pass a valid authentication token",
                    Map.of());
        }
    }

    private static ResponseEntity<String> answer(int status, String json) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static void pause(int millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
