package io.reelhub.sandbox.runway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.sandbox.SandboxRateLimit;
import io.reelhub.sandbox.ArmedFaults;
import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxMediaController;
import io.reelhub.sandbox.SandboxRenderScheduler;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.sandbox.VideoRequest;
import io.reelhub.sandbox.VideoSubmissions;
import io.reelhub.sandbox.WireJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox speaking Runway's API at {@code /sandbox/runway} (a client's base URL; the real one is
 * {@code https://api.dev.runwayml.com}): {@code POST /v1/text_to_video}, {@code GET /v1/tasks/{id}} with PENDING,
 * THROTTLED, RUNNING (progress 0..1), SUCCEEDED (output URLs), FAILED (failure, failureCode) and CANCELLED, and
 * {@code DELETE /v1/tasks/{id}}, which cancels a task still under way and deletes a finished one.
 */
@RestController
@RequestMapping("/sandbox/runway/v1")
@ConditionalOnSandboxEnabled
public class RunwaySandboxController {

    /** Per model: the durations and ratios it takes. */
    private record ModelRule(Set<Integer> seconds, Set<String> ratios) {
    }

    private static final Set<String> WIDE_RATIOS = Set.of("1280:720", "720:1280", "1080:1920", "1920:1080");
    private static final Map<String, ModelRule> MODELS = Map.of(
            "gen4.5", new ModelRule(Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10), Set.of("1280:720", "720:1280")),
            "veo3.1", new ModelRule(Set.of(4, 6, 8), WIDE_RATIOS),
            "veo3.1_fast", new ModelRule(Set.of(4, 6, 8), WIDE_RATIOS),
            "veo3", new ModelRule(Set.of(8), WIDE_RATIOS),
            "seedance2", new ModelRule(Set.of(5, 10), WIDE_RATIOS));
    private static final int MAX_PROMPT = 1000;

    private final SandboxRateLimit rateLimit;
    private final VideoSubmissions submissions;
    private final SandboxVideoStore store;
    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final SandboxRenderScheduler scheduler;

    public RunwaySandboxController(VideoSubmissions submissions, SandboxVideoStore store, SandboxFaults faults,
                                   SandboxCounters counters, SandboxRenderScheduler scheduler,
                                   SandboxRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.submissions = submissions;
        this.store = store;
        this.faults = faults;
        this.counters = counters;
        this.scheduler = scheduler;
    }

    @PostMapping("/text_to_video")
    public ResponseEntity<Object> create(HttpServletRequest http) {
        ArmedFaults armed = faults.of(RunwayWire.PROTOCOL);
        if (armed.takeConcurrencyLimit()) {
            throw RunwayWire.error(429, "Too many concurrent tasks for this organization", Map.of(), true);
        }
        armed.takeSubmitFault().ifPresent(fault -> {
            if (fault.rateLimited()) {
                throw RunwayWire.error(429, "You have exceeded the rate limit",
                        Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds())), true);
            }
            throw RunwayWire.error(fault.status(), "An internal error occurred", Map.of(), true);
        });
        JsonNode body = WireJson.object(http, message -> RunwayWire.invalid("body", message));
        VideoRequest request = request(body);
        rateLimit.tryAdmit(RunwayWire.PROTOCOL + "/" + request.model()).ifPresent(wait -> {
            throw RunwayWire.error(429, "You have exceeded the rate limit",
                    Map.of("Retry-After", String.valueOf(wait)), true);
        });
        SandboxVideo video = submissions.submit(RunwayWire.PROTOCOL, request,
                Map.of("ratio", body.path("ratio").asText()), null);
        armed.takeSlowSubmit().ifPresent(ArmedFaults::delay);
        return WireJson.answer(200, Map.of("id", video.id()));
    }

    @GetMapping("/tasks/{id}")
    public ResponseEntity<Object> task(@PathVariable String id) {
        ArmedFaults armed = faults.of(RunwayWire.PROTOCOL);
        armed.takePollFault().ifPresent(status -> {
            counters.pollFailed();
            throw RunwayWire.error(status, "An internal error occurred", Map.of(), false);
        });
        armed.takeSlowPoll().ifPresent(ArmedFaults::delay);
        if (armed.takeMalformedPoll()) {
            return WireJson.malformed();
        }
        SandboxVideo video = existing(id);
        counters.polled();
        Instant now = Instant.now();
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", video.id());
        task.put("createdAt", video.createdAt().toString());
        switch (video.status()) {
            case QUEUED -> task.put("status", video.held(now) ? "THROTTLED" : "PENDING");
            case IN_PROGRESS -> {
                task.put("status", "RUNNING");
                task.put("progress", scheduler.progressOf(video, now) / 100.0);
            }
            case COMPLETED -> {
                task.put("status", "SUCCEEDED");
                task.put("output", List.of(SandboxMediaController.urlOf(video)));
            }
            case FAILED -> {
                task.put("status", "FAILED");
                task.put("failure", video.error().message());
                task.put("failureCode", video.error().code());
            }
            case CANCELLED -> task.put("status", "CANCELLED");
        }
        return WireJson.answer(200, task);
    }

    @DeleteMapping("/tasks/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        SandboxVideo video = existing(id);
        if (video.status().terminal()) {
            store.delete(video.id());
        } else {
            store.update(video.id(), v -> v.status().terminal() ? v : v.cancelled(Instant.now()));
        }
        return ResponseEntity.noContent().build();
    }

    private SandboxVideo existing(String id) {
        return store.find(id).filter(v -> v.speaks(RunwayWire.PROTOCOL))
                .orElseThrow(() -> RunwayWire.error(404, "Task not found", Map.of(), false));
    }

    private static VideoRequest request(JsonNode body) {
        String model = body.path("model").asText("");
        ModelRule rule = MODELS.get(model);
        if (rule == null) {
            throw RunwayWire.invalid("model", "Invalid enum value. Expected one of " + MODELS.keySet()
                    + ", received '" + model + "'");
        }
        String prompt = body.path("promptText").asText("");
        if (prompt.isBlank() || prompt.length() > MAX_PROMPT) {
            throw RunwayWire.invalid("promptText", "Required, at most " + MAX_PROMPT + " characters");
        }
        String ratio = body.path("ratio").asText("");
        if (!rule.ratios().contains(ratio)) {
            throw RunwayWire.invalid("ratio", "Expected one of " + rule.ratios() + ", received '" + ratio + "'");
        }
        JsonNode duration = body.path("duration");
        if (!duration.isInt() || !rule.seconds().contains(duration.asInt())) {
            throw RunwayWire.invalid("duration", "Expected one of " + rule.seconds() + " (an integer)");
        }
        String[] sides = ratio.split(":");
        Long seed = body.path("seed").canConvertToLong() ? body.path("seed").asLong() : null;
        String negative = body.hasNonNull("negativePrompt") ? body.path("negativePrompt").asText() : null;
        return new VideoRequest(prompt, model, duration.asInt(), Integer.parseInt(sides[0]),
                Integer.parseInt(sides[1]), seed, negative, 0, null);
    }
}
