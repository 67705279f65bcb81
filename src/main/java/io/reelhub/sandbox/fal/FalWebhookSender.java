package io.reelhub.sandbox.fal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.reelhub.sandbox.CallbackPoster;
import io.reelhub.sandbox.ConditionalOnSandboxEnabled;
import io.reelhub.sandbox.SandboxFaults;
import io.reelhub.sandbox.SandboxJobFinished;
import io.reelhub.sandbox.SandboxMediaController;
import io.reelhub.sandbox.SandboxVideo;
import io.reelhub.sandbox.VideoStatus;

/**
 * fal's webhook, for requests submitted with {@code ?fal_webhook=<url>}: once the request ends, a POST of
 * {@code {request_id, gateway_request_id, status: OK|ERROR, payload, error?}} signed by {@link FalWebhookSigner}.
 * The {@code droppedWebhooks} fault loses one, as a delivery that never arrives.
 */
@Component
@ConditionalOnSandboxEnabled
public class FalWebhookSender {

    static final String WEBHOOK = "fal_webhook";
    static final String MEDIA_BASE = "media_base";

    private final FalWebhookSigner signer;
    private final CallbackPoster poster;
    private final SandboxFaults faults;
    private final ObjectMapper json;
    private final Clock clock;

    public FalWebhookSender(FalWebhookSigner signer, CallbackPoster poster, SandboxFaults faults, ObjectMapper json) {
        this.signer = signer;
        this.poster = poster;
        this.faults = faults;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    public void finished(SandboxJobFinished event) throws JsonProcessingException {
        SandboxVideo video = event.video();
        String url = video.wire().get(WEBHOOK);
        if (!video.speaks(FalWire.PROTOCOL) || url == null || faults.of(FalWire.PROTOCOL).takeDroppedWebhook()) {
            return;
        }
        byte[] body = json.writeValueAsBytes(body(video));
        poster.post(url, signer.headers(video.id(), clock.instant().getEpochSecond(), body), body);
    }

    private static Map<String, Object> body(SandboxVideo video) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", video.id());
        body.put("gateway_request_id", video.id());
        if (video.status() == VideoStatus.COMPLETED) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("url", SandboxMediaController.urlOf(video.wire().getOrDefault(MEDIA_BASE, ""), video));
            file.put("content_type", "video/mp4");
            file.put("file_name", video.id() + ".mp4");
            body.put("status", "OK");
            body.put("payload", Map.of("video", file));
        } else {
            String message = video.error() == null ? "Request was cancelled" : video.error().message();
            body.put("status", "ERROR");
            body.put("error", "Invalid status code: 422");
            body.put("payload", Map.of("detail", List.of(Map.of("loc", List.of("body", "prompt"), "msg", message,
                    "type", video.error() == null || video.error().code() == null ? "request_cancelled"
                            : video.error().code()))));
        }
        return body;
    }
}
