package io.reelhub.sandbox.kling;

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

/**
 * Kling's callback for tasks submitted with a {@code callback_url}: a POST of the task object, unsigned (Kling
 * documents no signature). Kling calls back on every status change; the sandbox only when the task ends, which is
 * the call a client acts on. The {@code droppedWebhooks} fault loses one.
 */
@Component
@ConditionalOnSandboxEnabled
public class KlingCallbackSender {

    private final CallbackPoster poster;
    private final SandboxFaults faults;
    private final ObjectMapper json;

    public KlingCallbackSender(CallbackPoster poster, SandboxFaults faults, ObjectMapper json) {
        this.poster = poster;
        this.faults = faults;
        this.json = json;
    }

    @EventListener
    public void finished(SandboxJobFinished event) throws JsonProcessingException {
        SandboxVideo video = event.video();
        String url = video.wire().get("callback_url");
        if (!video.speaks(KlingWire.PROTOCOL) || url == null || faults.of(KlingWire.PROTOCOL).takeDroppedWebhook()) {
            return;
        }
        String media = SandboxMediaController.urlOf(video.wire().getOrDefault(KlingTasks.MEDIA_BASE, ""), video);
        poster.post(url, java.util.Map.of(), json.writeValueAsBytes(KlingTasks.of(video, media)));
    }
}
