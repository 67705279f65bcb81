package io.reelhub.sandbox.kling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.sandbox.SandboxRateLimit;
import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.ArmedFaults;
import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxFrames;
import io.reelhub.sandbox.SandboxMediaController;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.sandbox.VideoRequest;
import io.reelhub.sandbox.VideoSubmissions;
import io.reelhub.sandbox.WireJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sandbox speaking Kling's text-to-video API at {@code /sandbox/kling} (a client's base URL; the real one is
 * {@code https://api-singapore.klingai.com}): {@code POST /v1/videos/text2video}, {@code GET
 * /v1/videos/text2video/{task_id}} and the task list, with Kling's envelope, statuses, string durations, unique
 * {@code external_task_id} and error codes. Finished videos are served at a public media URL.
 */
@RestController
@RequestMapping("/sandbox/kling/v1/videos/text2video")
@ConditionalOnSandboxEnabled
public class KlingSandboxController {

    static final Set<String> MODELS = Set.of("kling-v1", "kling-v1-6", "kling-v2-master", "kling-v2-1-master",
            "kling-v2-5-turbo", "kling-v2-6", "kling-v3");
    static final String EXTERNAL_TASK_ID = KlingTasks.EXTERNAL_TASK_ID;
    private static final int MAX_PROMPT = 2500;

    private final SandboxRateLimit rateLimit;
    private final VideoSubmissions submissions;
    private final SandboxVideoStore store;
    private final SandboxFaults faults;
    private final SandboxCounters counters;

    public KlingSandboxController(VideoSubmissions submissions, SandboxVideoStore store, SandboxFaults faults,
                                  SandboxCounters counters, SandboxRateLimit rateLimit) {
        this.rateLimit = rateLimit;
        this.submissions = submissions;
        this.store = store;
        this.faults = faults;
        this.counters = counters;
    }

    @PostMapping
    public ResponseEntity<Object> create(HttpServletRequest http) {
        ArmedFaults armed = faults.of(KlingWire.PROTOCOL);
        if (armed.takeConcurrencyLimit()) {
            throw KlingWire.error(429, 1303, "parallel task over resource pack limit", true);
        }
        armed.takeSubmitFault().ifPresent(fault -> {
            if (fault.rateLimited()) {
                // Kling documents no Retry-After; the sandbox sends one so clients that honour it can be tested
                throw KlingWire.error(429, 1302, "API request too frequent, please slow down",
                        Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds())), true);
            }
            throw KlingWire.error(fault.status(), fault.status() == 503 ? 5001 : fault.status() == 504 ? 5002 : 5000,
                    "Internal server error", true);
        });
        JsonNode body = WireJson.object(http, KlingWire::invalid);
        VideoRequest request = request(body);
        rateLimit.tryAdmit(KlingWire.PROTOCOL + "/" + request.model()).ifPresent(wait -> {
            throw KlingWire.error(429, 1302, "API request too frequent, please slow down",
                    Map.of("Retry-After", String.valueOf(wait)), true);
        });
        Map<String, String> wire = new LinkedHashMap<>();
        wire.put("mode", text(body, "mode", "std"));
        wire.put("aspect_ratio", text(body, "aspect_ratio", "16:9"));
        if (body.hasNonNull(EXTERNAL_TASK_ID)) {
            wire.put(EXTERNAL_TASK_ID, body.path(EXTERNAL_TASK_ID).asText());
        }
        if (body.hasNonNull("callback_url")) {
            wire.put("callback_url", body.path("callback_url").asText());
            // the callback is sent outside any request: keep the host the client reached us at, for its media URL
            wire.put(KlingTasks.MEDIA_BASE, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        }
        SandboxVideo video;
        try {
            video = submissions.submit(KlingWire.PROTOCOL, request, wire, EXTERNAL_TASK_ID);
        } catch (VideoSubmissions.DuplicateWireValue e) {
            throw KlingWire.invalid("external_task_id already exists: " + wire.get(EXTERNAL_TASK_ID));
        }
        // accepted and paid; a slow answer may still never reach the client
        armed.takeSlowSubmit().ifPresent(ArmedFaults::delay);
        return WireJson.answer(200, KlingWire.ok(task(video)));
    }

    @GetMapping("/{taskId}")
    public ResponseEntity<Object> retrieve(@PathVariable String taskId) {
        ArmedFaults armed = faults.of(KlingWire.PROTOCOL);
        armed.takePollFault().ifPresent(status -> {
            counters.pollFailed();
            throw KlingWire.error(status, 5000, "Internal server error", false);
        });
        armed.takeSlowPoll().ifPresent(ArmedFaults::delay);
        if (armed.takeMalformedPoll()) {
            return WireJson.malformed();
        }
        SandboxVideo video = store.find(taskId).filter(v -> v.speaks(KlingWire.PROTOCOL))
                .orElseThrow(() -> KlingWire.error(404, 1202, "task not found: " + taskId, false));
        counters.polled();
        return WireJson.answer(200, KlingWire.ok(task(video)));
    }

    @GetMapping
    public ResponseEntity<Object> list(@RequestParam(defaultValue = "1") int pageNum,
                                       @RequestParam(defaultValue = "30") int pageSize) {
        if (pageNum < 1 || pageNum > 1000 || pageSize < 1 || pageSize > 500) {
            throw KlingWire.error(400, 1201, "pageNum must be 1..1000 and pageSize 1..500", false);
        }
        List<SandboxVideo> tasks = new ArrayList<>(store.all().stream()
                .filter(v -> v.speaks(KlingWire.PROTOCOL)).toList());
        Collections.reverse(tasks);
        List<Object> page = tasks.stream().skip((long) (pageNum - 1) * pageSize).limit(pageSize)
                .map(this::task).map(Object.class::cast).toList();
        return WireJson.answer(200, KlingWire.ok(page));
    }

    private static VideoRequest request(JsonNode body) {
        String model = text(body, "model_name", "kling-v1");
        if (!MODELS.contains(model)) {
            throw KlingWire.error(400, 1203, "model_name not found: " + model, true);
        }
        String prompt = text(body, "prompt", "");
        if (prompt.isBlank() || prompt.length() > MAX_PROMPT) {
            throw KlingWire.invalid("prompt is required and may have at most " + MAX_PROMPT + " characters");
        }
        String negative = body.hasNonNull("negative_prompt") ? body.path("negative_prompt").asText() : null;
        if (negative != null && negative.length() > MAX_PROMPT) {
            throw KlingWire.invalid("negative_prompt may have at most " + MAX_PROMPT + " characters");
        }
        JsonNode duration = body.path("duration");
        if (!duration.isMissingNode() && !duration.isTextual()) {
            throw KlingWire.invalid("duration must be a string: \"5\" or \"10\"");
        }
        String seconds = duration.isMissingNode() ? "5" : duration.asText();
        if (!seconds.equals("5") && !seconds.equals("10")) {
            throw KlingWire.invalid("duration must be one of \"5\", \"10\"");
        }
        String mode = text(body, "mode", "std");
        if (!mode.equals("std") && !mode.equals("pro")) {
            throw KlingWire.invalid("mode must be one of std, pro");
        }
        String aspect = text(body, "aspect_ratio", "16:9");
        if (!Set.of("16:9", "9:16", "1:1").contains(aspect)) {
            throw KlingWire.invalid("aspect_ratio must be one of 16:9, 9:16, 1:1");
        }
        // the master models and pro mode render 1080p, standard mode 720p
        int tier = mode.equals("pro") || model.contains("master") ? 1080 : 720;
        int[] size = SandboxFrames.size(aspect, tier);
        return new VideoRequest(prompt, model, Integer.parseInt(seconds), size[0], size[1], null, negative, 0, null);
    }

    private Map<String, Object> task(SandboxVideo video) {
        return KlingTasks.of(video, SandboxMediaController.urlOf(video));
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode value = body.path(field);
        return value.isMissingNode() || value.isNull() ? fallback : value.asText();
    }
}
