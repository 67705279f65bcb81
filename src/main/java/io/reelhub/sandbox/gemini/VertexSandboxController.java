package io.reelhub.sandbox.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.SandboxFaults.DownloadShape;
import io.reelhub.sandbox.SandboxPaths;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.VideoStatus;

/**
 * The sandbox's Vertex AI Veo endpoints, under {@code /sandbox/vertex/v1} (or {@code v1beta1}, the SDK's default):
 * {@code POST projects/{p}/locations/{l}/publishers/google/models/{m}:predictLongRunning} and
 * {@code …:fetchPredictOperation} with {@code {"operationName": …}}, OAuth bearer, Google's error envelope. Vertex
 * takes {@code seed} and {@code generateAudio}; without a {@code storageUri} a finished operation carries the video
 * inline as {@code response.videos[].bytesBase64Encoded}, which is streamed from disk into the answer.
 */
@RestController
@RequestMapping("/sandbox/vertex/{version:v1|v1beta1}/projects/{project}/locations/{location}/publishers/google/models")
@ConditionalOnSandboxEnabled
public class VertexSandboxController {

    static final String PROTOCOL = "vertex";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESPONSE_TYPE = "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse";

    private final VeoSandboxDesk desk;
    private final SandboxPaths paths;

    public VertexSandboxController(VeoSandboxDesk desk, SandboxPaths paths) {
        this.desk = desk;
        this.paths = paths;
    }

    @PostMapping("/{model}:predictLongRunning")
    public ResponseEntity<String> predictLongRunning(@PathVariable String project, @PathVariable String location,
                                                     @PathVariable String model,
                                                     @RequestBody(required = false) byte[] body,
                                                     HttpServletRequest request) throws IOException {
        authenticate(request);
        VeoSandboxDesk.Accepted accepted = desk.submit(PROTOCOL, model, body == null ? new byte[0] : body);
        String json = JSON.writeValueAsString(Map.of("name", name(project, location, accepted.video())));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(accepted.malformed() ? GeminiSandboxController.broken(json) : json);
    }

    @PostMapping("/{model}:fetchPredictOperation")
    public void fetchPredictOperation(@PathVariable String project, @PathVariable String location,
                                      @PathVariable String model, @RequestBody(required = false) byte[] body,
                                      HttpServletRequest request, HttpServletResponse response) throws IOException {
        authenticate(request);
        String operationName = operationName(body);
        int at = operationName.lastIndexOf("/operations/");
        if (at < 0) {
            throw GoogleApiException.invalid("operationName must name an operation: '" + operationName + "'");
        }
        boolean malformed = desk.beforePoll(PROTOCOL);
        SandboxVideo video = desk.operation(PROTOCOL, operationName.substring(at + "/operations/".length()));
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (malformed) {
            response.getOutputStream().write("{\"name\":\"".getBytes());
            return;
        }
        write(video, name(project, location, video), response);
    }

    @ExceptionHandler(GoogleApiException.class)
    public ResponseEntity<Map<String, Object>> refused(GoogleApiException e, HttpServletRequest request) {
        if (request.getRequestURI().endsWith(":predictLongRunning")) {
            desk.rejected(PROTOCOL, e.httpStatus());
        }
        return ResponseEntity.status(e.httpStatus()).contentType(MediaType.APPLICATION_JSON).body(e.body());
    }

    /** The operation, streamed: a finished video goes out as base64 straight from its file. */
    private void write(SandboxVideo video, String name, HttpServletResponse response) throws IOException {
        OutputStream out = response.getOutputStream();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("name", name);
            if (video.status().terminal()) {
                json.writeBooleanField("done", true);
                if (VeoSandboxDesk.filtered(video)) {
                    String reason = video.error().message() == null ? GeminiSandboxController.FILTERED
                            : video.error().message();
                    json.writeObjectField("response", Map.of("@type", RESPONSE_TYPE, "raiMediaFilteredCount", 1,
                            "raiMediaFilteredReasons", List.of(reason)));
                } else if (video.status() == VideoStatus.COMPLETED) {
                    writeVideo(json, video);
                } else {
                    json.writeObjectField("error", Map.of("code", video.error() == null ? 1
                            : VeoSandboxDesk.grpcCode(video.error()), "message", video.error() == null
                            ? "The operation was cancelled." : video.error().message()));
                }
            }
            json.writeEndObject();
        }
    }

    private void writeVideo(JsonGenerator json, SandboxVideo video) throws IOException {
        DownloadShape shape = desk.faults().of(PROTOCOL).takeDownloadShape();
        if (desk.faults().of(PROTOCOL).takeExpiredDownload()) {
            // what an operation looks like once its inline video is gone: done, and no video
            json.writeObjectField("response", Map.of("@type", RESPONSE_TYPE));
            return;
        }
        json.writeObjectFieldStart("response");
        json.writeStringField("@type", RESPONSE_TYPE);
        json.writeArrayFieldStart("videos");
        json.writeStartObject();
        json.writeStringField("mimeType", "video/mp4");
        json.writeFieldName(VERTEX_BYTES);
        try (InputStream clip = Files.newInputStream(paths.clip(video.id()))) {
            long length = Files.size(paths.clip(video.id()));
            if (shape.truncated()) {
                // the answer stops in the middle of the base64: the client must see a broken body, not a short video
                json.flush();
                byte[] head = clip.readNBytes((int) Math.min(length, shape.truncateAfterBytes()));
                json.writeRaw("\"" + java.util.Base64.getEncoder().encodeToString(head));
                json.flush();
                throw new TruncatedOnPurpose();
            }
            json.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, clip, (int) length);
        } catch (NoSuchFileException e) {
            json.writeNull();
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        desk.downloaded(io.reelhub.sandbox.SandboxCounters.DownloadOutcome.COMPLETE);
    }

    @ExceptionHandler(TruncatedOnPurpose.class)
    public void truncated() {
        desk.downloaded(io.reelhub.sandbox.SandboxCounters.DownloadOutcome.TRUNCATED);
    }

    /** Ends an answer mid-body on purpose (the truncation fault). */
    static final class TruncatedOnPurpose extends RuntimeException {
        TruncatedOnPurpose() {
            super("truncated on purpose", null, false, false);
        }
    }

    private static final String VERTEX_BYTES = "bytesBase64Encoded";

    private static String operationName(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body == null ? new byte[0] : body);
            String name = root == null ? "" : root.path("operationName").asText("");
            if (name.isBlank()) {
                throw GoogleApiException.invalid("operationName is required.");
            }
            return name;
        } catch (IOException e) {
            throw GoogleApiException.invalid("Invalid JSON payload received. " + e.getMessage());
        }
    }

    private static String name(String project, String location, SandboxVideo video) {
        return "projects/" + project + "/locations/" + location + "/publishers/google/models/" + video.model()
                + "/operations/" + video.bareId();
    }

    private static void authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw new GoogleApiException(401, "UNAUTHENTICATED", "Request is missing required authentication "
                    + "credential. Expected OAuth 2 access token, login cookie or other valid authentication "
                    + "credential.", List.of());
        }
    }
}
