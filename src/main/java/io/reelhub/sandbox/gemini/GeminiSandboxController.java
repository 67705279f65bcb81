package io.reelhub.sandbox.gemini;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.DownloadStreamer;
import io.reelhub.sandbox.SandboxPaths;
import io.reelhub.sandbox.SandboxProperties;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.SandboxVideoStore;
import io.reelhub.sandbox.VideoStatus;

/**
 * The sandbox's Gemini API for Veo. A client's base URL is {@code http://<host>:<port>/sandbox/gemini} (the SDKs add
 * the version: {@code v1beta}, or {@code v1}, which the Java SDK 2.0.0 uses for operations and files; both are
 * served, as Google serves both): {@code POST v1beta/models/{model}:predictLongRunning}, {@code GET v1beta/{operation name}},
 * {@code GET v1beta/files/{id}:download?alt=media}, with {@code x-goog-api-key} (or {@code ?key=}) and Google's
 * error envelope. Operations look like the real ones: {@code done} is left out until it is true, and a finished
 * one carries {@code response.generateVideoResponse} with {@code generatedSamples}, or only
 * {@code raiMediaFilteredCount}/{@code raiMediaFilteredReasons} when the safety filter withheld the video.
 */
@RestController
@RequestMapping("/sandbox/gemini/{version:v1|v1beta}")
@ConditionalOnSandboxEnabled
public class GeminiSandboxController {

    static final String PROTOCOL = "gemini";
    /** The documented wording of a generic filter refusal (DaWe35/image-router #41). */
    static final String FILTERED = "Veo could not generate 1 videos based on the prompt provided. You will not be "
            + "charged for this request. Try rephrasing the prompt. If you think this was an error, send feedback. "
            + "Support codes: 42237218";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VeoSandboxDesk desk;
    private final SandboxVideoStore store;
    private final SandboxPaths paths;
    private final DownloadStreamer streamer;
    private final byte[] requiredKey;

    public GeminiSandboxController(VeoSandboxDesk desk, SandboxVideoStore store, SandboxPaths paths,
                                   DownloadStreamer streamer, SandboxProperties properties) {
        this.desk = desk;
        this.store = store;
        this.paths = paths;
        this.streamer = streamer;
        this.requiredKey = properties.apiKey() == null ? null : properties.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/models/{model}:predictLongRunning")
    public ResponseEntity<String> predictLongRunning(@PathVariable String model,
                                                     @RequestBody(required = false) byte[] body,
                                                     HttpServletRequest request) throws IOException {
        authenticate(request);
        VeoSandboxDesk.Accepted accepted = desk.submit(PROTOCOL, model, body == null ? new byte[0] : body);
        String json = JSON.writeValueAsString(Map.of("name", name(accepted.video())));
        return answer(accepted.malformed() ? broken(json) : json);
    }

    @GetMapping("/models/{model}/operations/{operation}")
    public ResponseEntity<String> operation(@PathVariable String model, @PathVariable String operation,
                                            HttpServletRequest request) throws IOException {
        authenticate(request);
        boolean malformed = desk.beforePoll(PROTOCOL);
        SandboxVideo video = desk.operation(PROTOCOL, operation);
        String json = JSON.writeValueAsString(view(video));
        return answer(malformed ? broken(json) : json);
    }

    @GetMapping("/files/{file}:download")
    public void download(@PathVariable String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        authenticate(request);
        SandboxVideo video = desk.operation(PROTOCOL, file);
        if (video.status() != VideoStatus.COMPLETED || video.expired(Instant.now())
                || desk.faults().of(PROTOCOL).takeExpiredDownload()) {
            throw GoogleApiException.notFound("File files/" + file + " does not exist or has expired.");
        }
        try {
            desk.downloaded(streamer.stream(paths.clip(video.id()), "video/mp4", response,
                    desk.faults().of(PROTOCOL).takeDownloadShape()));
        } catch (NoSuchFileException e) {
            throw GoogleApiException.notFound("File files/" + file + " does not exist or has expired.");
        }
    }

    /** Any other path answers as Google's front end does for an unknown method. */
    @org.springframework.web.bind.annotation.RequestMapping("/**")
    public void unknown(HttpServletRequest request) {
        throw GoogleApiException.notFound("The requested URL " + request.getRequestURI() + " (" + request.getMethod()
                + ") was not found on this server.");
    }

    @ExceptionHandler(GoogleApiException.class)
    public ResponseEntity<Map<String, Object>> refused(GoogleApiException e, HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith(":predictLongRunning")) {
            desk.rejected(PROTOCOL, e.httpStatus());
        }
        return ResponseEntity.status(e.httpStatus()).contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    /** The operation resource; a finished job's sample URI points back at this server. */
    private Map<String, Object> view(SandboxVideo video) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("name", name(video));
        if (!video.status().terminal()) {
            return operation;
        }
        operation.put("done", true);
        if (VeoSandboxDesk.filtered(video)) {
            String reason = video.error().message() == null ? FILTERED : video.error().message();
            operation.put("response", Map.of("@type", RESPONSE_TYPE, "generateVideoResponse",
                    Map.of("raiMediaFilteredCount", 1, "raiMediaFilteredReasons", List.of(reason))));
        } else if (video.status() == VideoStatus.COMPLETED) {
            String uri = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/sandbox/gemini/v1beta/files/" + video.bareId() + ":download")
                    .queryParam("alt", "media").build().toUriString();
            operation.put("response", Map.of("@type", RESPONSE_TYPE, "generateVideoResponse",
                    Map.of("generatedSamples", List.of(Map.of("video", Map.of("uri", uri))))));
        } else {
            String message = video.error() == null ? "The operation was cancelled." : video.error().message();
            operation.put("error", Map.of("code", video.error() == null ? 1 : VeoSandboxDesk.grpcCode(video.error()),
                    "message", message));
        }
        return operation;
    }

    private static final String RESPONSE_TYPE =
            "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse";

    private static String name(SandboxVideo video) {
        return "models/" + video.model() + "/operations/" + video.bareId();
    }

    /** The key in {@code x-goog-api-key} or {@code ?key=}; any non-empty one unless the sandbox requires one. */
    private void authenticate(HttpServletRequest request) {
        String key = request.getHeader("x-goog-api-key");
        if (key == null || key.isBlank()) {
            key = request.getParameter("key");
        }
        if (key == null || key.isBlank()) {
            throw new GoogleApiException(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers "
                    + "(callers without established identity). Please use API Key or other form of API consumer "
                    + "identity to call this API.", List.of());
        }
        if (requiredKey != null && !MessageDigest.isEqual(requiredKey, key.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new GoogleApiException(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.",
                    List.of());
        }
    }

    private static ResponseEntity<String> answer(String json) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    /** What a proxy cutting an answer short delivers: the first half of the JSON. */
    static String broken(String json) {
        return json.substring(0, Math.max(1, json.length() / 2));
    }
}
