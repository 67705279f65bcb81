package io.reelhub.sandbox;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.reelhub.sandbox.SandboxCounters.DownloadOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's OpenAI-compatible Videos API. A client's base URL is {@code http://<host>:<port>/sandbox/openai/v1};
 * paths, bodies, status strings, headers and error envelopes follow OpenAI's {@code /v1/videos}.
 */
@RestController
@RequestMapping("/sandbox/openai")
@ConditionalOnSandboxEnabled
public class SandboxVideosController {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final VideoRequestParser parser;
    private final VideoSubmissions submissions;
    private final SandboxVideoStore store;
    private final SandboxRenderScheduler scheduler;
    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final SandboxPaths paths;
    private final DownloadStreamer streamer;
    private final SandboxProperties properties;
    private final SandboxRateLimit rateLimit;

    public SandboxVideosController(VideoRequestParser parser, VideoSubmissions submissions, SandboxVideoStore store,
                                   SandboxRenderScheduler scheduler, SandboxFaults faults, SandboxCounters counters,
                                   SandboxPaths paths, DownloadStreamer streamer, SandboxProperties properties,
                                   SandboxRateLimit rateLimit) {
        this.parser = parser;
        this.submissions = submissions;
        this.store = store;
        this.scheduler = scheduler;
        this.faults = faults;
        this.counters = counters;
        this.paths = paths;
        this.streamer = streamer;
        this.properties = properties;
        this.rateLimit = rateLimit;
    }

    @PostMapping("/v1/videos")
    public ResponseEntity<VideoResource> create(HttpServletRequest request) {
        // Throttling and outages hit before validation, as at a real gateway; the error resolver counts them.
        faults.takeSubmitFault().ifPresent(fault -> {
            throw fault.rateLimited() ? SandboxApiException.rateLimited(fault.retryAfterSeconds())
                    : SandboxApiException.serverError(fault.status());
        });
        VideoRequest parsed = parser.parse(request);
        rateLimit.admit(parsed.model());
        VideoSubmissions.Outcome outcome = submissions.submit(parsed);
        // accepted and paid; a slow answer may never reach a client with a shorter timeout (an unknown outcome)
        faults.of(SandboxFaults.OPENAI).takeSlowSubmit().ifPresent(ArmedFaults::delay);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(resource(outcome.video()));
    }

    @GetMapping("/v1/videos/{id}")
    public ResponseEntity<VideoResource> retrieve(@PathVariable String id) {
        faults.takePollFault().ifPresent(status -> {
            counters.pollFailed();
            throw SandboxApiException.serverError(status);
        });
        faults.of(SandboxFaults.OPENAI).takeSlowPoll().ifPresent(ArmedFaults::delay);
        SandboxVideo video = existing(id);
        counters.polled();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("openai-poll-after-ms", String.valueOf(properties.pollAfter().toMillis()))
                .body(resource(video));
    }

    @GetMapping("/v1/videos/{id}/content")
    public void content(@PathVariable String id, @RequestParam(defaultValue = "video") String variant,
                        HttpServletResponse response) throws IOException {
        SandboxVideo video = existing(id);
        Path file;
        String contentType;
        switch (variant) {
            case "video" -> {
                file = paths.clip(id);
                contentType = "video/mp4";
            }
            case "thumbnail" -> {
                file = paths.thumbnail(id);
                contentType = "image/webp";
            }
            default -> throw SandboxApiException.invalidValue("variant", "Invalid value: '" + variant
                    + "'. Supported values are: 'video' and 'thumbnail' (the sandbox makes no spritesheet).");
        }
        if (video.status() != VideoStatus.COMPLETED) {
            // 404 rather than 409: the official SDKs retry a 409 on their own, which would hide the client's bug.
            throw SandboxApiException.notFound("video_not_ready", "Video " + id + " is not ready: its status is "
                    + video.status().wire() + ". Download its content once the status is completed.");
        }
        if (video.expired(Instant.now())) {
            store.deleteAssets(id);
            throw SandboxApiException.notFound("content_expired", "The content of video " + id + " expired at "
                    + video.expiresAt() + " and is no longer available for download.");
        }
        DownloadOutcome outcome;
        try {
            outcome = streamer.stream(file, contentType, response, faults.takeDownloadShape());
        } catch (NoSuchFileException e) {
            throw SandboxApiException.notFound("content_expired", "The content of video " + id
                    + " is no longer available for download.");
        }
        counters.downloaded(outcome);
    }

    @GetMapping("/v1/videos")
    public ResponseEntity<VideoPage> list(@RequestParam(required = false) String after,
                                          @RequestParam(required = false) String limit,
                                          @RequestParam(required = false) String order) {
        int size = pageSize(limit);
        boolean ascending = ascending(order);
        long cursor = cursor(after);
        List<SandboxVideo> ordered = new ArrayList<>(store.all().stream()
                .filter(video -> SandboxFaults.OPENAI.equals(video.protocol())).toList());
        if (!ascending) {
            Collections.reverse(ordered);
        }
        Instant now = Instant.now();
        List<VideoResource> page = new ArrayList<>();
        boolean more = false;
        for (SandboxVideo video : ordered) {
            if (cursor >= 0 && (ascending ? video.sequence() <= cursor : video.sequence() >= cursor)) {
                continue;
            }
            if (page.size() == size) {
                more = true;
                break;
            }
            page.add(VideoResource.of(video, scheduler.progressOf(video, now)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(VideoPage.of(page, more));
    }

    @DeleteMapping("/v1/videos/{id}")
    public ResponseEntity<DeletedVideo> delete(@PathVariable String id) {
        existing(id);
        if (!store.delete(id)) {
            throw noSuchVideo(id);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DeletedVideo.of(id));
    }

    /** Anything else under the API answers like OpenAI does for an unknown route. */
    @RequestMapping("/**")
    public void unknownRoute(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/sandbox/openai".length());
        throw new SandboxApiException(404, "invalid_request_error", null, null,
                "Invalid URL (" + request.getMethod() + " " + path + ")", Map.of());
    }

    /** Jobs submitted on another protocol's wire do not exist on this one, as at separate providers. */
    private SandboxVideo existing(String id) {
        return store.find(id).filter(video -> SandboxFaults.OPENAI.equals(video.protocol()))
                .orElseThrow(() -> noSuchVideo(id));
    }

    private VideoResource resource(SandboxVideo video) {
        return VideoResource.of(video, scheduler.progressOf(video, Instant.now()));
    }

    private static SandboxApiException noSuchVideo(String id) {
        return SandboxApiException.notFound("not_found", "Video with id '" + id + "' not found.");
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw SandboxApiException.invalidValue("limit", "Invalid 'limit': expected an integer from 1 to " + MAX_PAGE
                + ", got '" + limit + "'.");
    }

    private static boolean ascending(String order) {
        if (order == null || order.equals("desc")) {
            return false;
        }
        if (order.equals("asc")) {
            return true;
        }
        throw SandboxApiException.invalidValue("order", "Invalid value: '" + order
                + "'. Supported values are: 'asc' and 'desc'.");
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return -1;
        }
        long sequence = SandboxVideoStore.sequenceOf(after);
        if (sequence < 0) {
            throw SandboxApiException.invalidValue("after", "Invalid 'after': '" + after + "' is not a video id.");
        }
        return sequence;
    }
}
