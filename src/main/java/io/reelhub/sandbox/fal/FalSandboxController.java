package io.reelhub.sandbox.fal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.sandbox.VideoRequest;
import io.reelhub.sandbox.SandboxRateLimit;
import io.reelhub.sandbox.ArmedFaults;
import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxMediaController;
import io.reelhub.sandbox.SandboxPaths;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.sandbox.VideoStatus;
import io.reelhub.sandbox.VideoSubmissions;
import io.reelhub.sandbox.WireJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sandbox speaking fal's queue API at {@code /sandbox/fal} (a client's base URL; the real one is
 * {@code https://queue.fal.run}): submit to the full endpoint id with the model input as the body; status, result
 * and cancel under the endpoint's owner/app only, at the URLs the submit answer gives. Status answers 202 while the
 * request waits or runs and 200 once COMPLETED; a failed request is COMPLETED too, and its result is the error.
 */
@RestController
@RequestMapping("/sandbox/fal")
@ConditionalOnSandboxEnabled
public class FalSandboxController {

    private static final String PREFIX = "/sandbox/fal/";

    private final SandboxRateLimit rateLimit;
    private final VideoSubmissions submissions;
    private final SandboxVideoStore store;
    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final SandboxPaths paths;

    public FalSandboxController(VideoSubmissions submissions, SandboxVideoStore store, SandboxFaults faults,
                                SandboxCounters counters, SandboxPaths paths, SandboxRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.submissions = submissions;
        this.store = store;
        this.faults = faults;
        this.counters = counters;
        this.paths = paths;
    }

    @PostMapping("/**")
    public ResponseEntity<Object> submit(HttpServletRequest http) {
        String endpoint = http.getRequestURI().substring(http.getContextPath().length() + PREFIX.length());
        if (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        if (!FalInput.known(endpoint)) {
            throw FalWire.error(404, "Application '" + endpoint + "' not found", "not_found", Map.of(), true);
        }
        ArmedFaults armed = faults.of(FalWire.PROTOCOL);
        if (armed.takeConcurrencyLimit()) {
            throw FalWire.error(429, "Concurrent requests limit reached", "rate_limited", Map.of(), true);
        }
        armed.takeSubmitFault().ifPresent(fault -> {
            if (fault.rateLimited()) {
                throw FalWire.error(429, "Rate limit exceeded", "rate_limited",
                        Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds())), true);
            }
            throw FalWire.error(fault.status(), "Internal server error", "internal_server_error", Map.of(), true);
        });
        JsonNode input = WireJson.object(http, message -> FalWire.invalidInput("body", message, "json_invalid"));
        VideoRequest request = FalInput.read(endpoint, input);
        rateLimit.tryAdmit(FalWire.PROTOCOL + "/" + request.model()).ifPresent(wait -> {
            throw FalWire.error(429, "Rate limit exceeded", "rate_limited",
                    Map.of("Retry-After", String.valueOf(wait)), true);
        });
        Map<String, String> wire = new LinkedHashMap<>();
        wire.put("endpoint", endpoint);
        String webhook = http.getParameter(FalWebhookSender.WEBHOOK);
        if (webhook != null && !webhook.isBlank()) {
            wire.put(FalWebhookSender.WEBHOOK, webhook);
            // the webhook is sent outside any request: keep the host the client reached us at, for its media URL
            wire.put(FalWebhookSender.MEDIA_BASE, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        }
        SandboxVideo video = submissions.submit(FalWire.PROTOCOL, request, wire, null);
        armed.takeSlowSubmit().ifPresent(ArmedFaults::delay);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "IN_QUEUE");
        answer.put("request_id", video.id());
        String base = requestsUrl(endpoint, video.id());
        answer.put("response_url", base);
        answer.put("status_url", base + "/status");
        answer.put("cancel_url", base + "/cancel");
        answer.put("queue_position", queuePosition(video));
        return WireJson.answer(200, answer);
    }

    @GetMapping("/{owner}/{app}/requests/{requestId}/status")
    public ResponseEntity<Object> status(@PathVariable String owner, @PathVariable String app,
                                         @PathVariable String requestId) {
        ArmedFaults armed = faults.of(FalWire.PROTOCOL);
        armed.takePollFault().ifPresent(status -> {
            counters.pollFailed();
            throw FalWire.error(status, "Internal server error", "internal_server_error", Map.of(), false);
        });
        armed.takeSlowPoll().ifPresent(ArmedFaults::delay);
        if (armed.takeMalformedPoll()) {
            return WireJson.malformed();
        }
        SandboxVideo video = existing(owner, app, requestId);
        counters.polled();
        Map<String, Object> answer = new LinkedHashMap<>();
        String base = requestsUrl(owner + "/" + app, video.id());
        answer.put("request_id", video.id());
        answer.put("response_url", base);
        answer.put("status_url", base + "/status");
        answer.put("cancel_url", base + "/cancel");
        answer.put("logs", List.of());
        switch (video.status()) {
            case QUEUED -> {
                answer.put("status", "IN_QUEUE");
                answer.put("queue_position", queuePosition(video));
            }
            case IN_PROGRESS -> answer.put("status", "IN_PROGRESS");
            default -> {
                answer.put("status", "COMPLETED");
                long millis = video.completedAt() == null || video.startedAt() == null ? 0
                        : video.completedAt().toEpochMilli() - video.startedAt().toEpochMilli();
                answer.put("metrics", Map.of("inference_time", millis / 1000.0));
            }
        }
        return WireJson.answer(video.status().terminal() ? 200 : 202, answer);
    }

    @GetMapping("/{owner}/{app}/requests/{requestId}")
    public ResponseEntity<Object> result(@PathVariable String owner, @PathVariable String app,
                                         @PathVariable String requestId) {
        SandboxVideo video = existing(owner, app, requestId);
        switch (video.status()) {
            case QUEUED, IN_PROGRESS -> throw FalWire.error(400, "Request is still in progress", "request_pending",
                    Map.of(), false);
            case CANCELLED -> throw FalWire.error(400, "Request was cancelled", "request_cancelled", Map.of(),
                    false);
            case FAILED -> {
                // the model's own refusal is an input problem (422); fal's side failing is a 500
                String type = video.error().code();
                if (type != null && type.startsWith("internal")) {
                    throw FalWire.error(500, video.error().message(), type, Map.of(), false);
                }
                throw failedResult(video);
            }
            default -> {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("url", SandboxMediaController.urlOf(video));
                file.put("content_type", "video/mp4");
                file.put("file_name", video.id() + ".mp4");
                file.put("file_size", size(paths.clip(video.id())));
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("video", file);
                answer.put("seed", video.seed());
                return WireJson.answer(200, answer);
            }
        }
    }

    @PutMapping("/{owner}/{app}/requests/{requestId}/cancel")
    public ResponseEntity<Object> cancel(@PathVariable String owner, @PathVariable String app,
                                         @PathVariable String requestId) {
        SandboxVideo video = existing(owner, app, requestId);
        if (video.status().terminal()) {
            return WireJson.answer(400, Map.of("status", "ALREADY_COMPLETED"));
        }
        store.update(video.id(), v -> v.status().terminal() ? v : v.cancelled(java.time.Instant.now()));
        return WireJson.answer(202, Map.of("status", "CANCELLATION_REQUESTED"));
    }

    private static io.reelhub.sandbox.WireError failedResult(SandboxVideo video) {
        String type = video.error().code() == null ? "content_policy_violation" : video.error().code();
        io.reelhub.sandbox.WireError error = FalWire.invalidInput("prompt", video.error().message(), type);
        return new io.reelhub.sandbox.WireError(FalWire.PROTOCOL, 422, error.body(), error.headers(), false);
    }

    /** A request is found only under its own endpoint's owner/app, as at fal. */
    private SandboxVideo existing(String owner, String app, String requestId) {
        String prefix = owner + "/" + app;
        return store.find(requestId)
                .filter(v -> v.speaks(FalWire.PROTOCOL))
                .filter(v -> {
                    String endpoint = v.wire().getOrDefault("endpoint", "");
                    return endpoint.equals(prefix) || endpoint.startsWith(prefix + "/");
                })
                .orElseThrow(() -> FalWire.error(404, "Request not found", "not_found", Map.of(), false));
    }

    /** Jobs of the fal queue accepted before this one and not started yet. */
    private int queuePosition(SandboxVideo video) {
        return (int) store.all().stream()
                .filter(v -> v.speaks(FalWire.PROTOCOL) && v.status() == VideoStatus.QUEUED
                        && v.sequence() < video.sequence())
                .count();
    }

    private static String requestsUrl(String endpoint, String requestId) {
        String[] parts = endpoint.split("/");
        String app = parts.length >= 2 ? parts[0] + "/" + parts[1] : endpoint;
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(PREFIX + app + "/requests/" + requestId).toUriString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
