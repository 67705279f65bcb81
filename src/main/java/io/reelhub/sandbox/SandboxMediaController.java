package io.reelhub.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Optional;

import io.reelhub.sandbox.SandboxCounters.DownloadOutcome;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sandbox's stand-in for the CDNs that serve Kling's, fal's and Runway's finished videos: public URLs, no key,
 * a 404 once the output has expired, and that protocol's download faults (truncation, throttling).
 */
@RestController
@RequestMapping("/sandbox/media")
@ConditionalOnSandboxEnabled
public class SandboxMediaController {

    private final SandboxVideoStore store;
    private final SandboxPaths paths;
    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final DownloadStreamer streamer;

    public SandboxMediaController(SandboxVideoStore store, SandboxPaths paths, SandboxFaults faults,
                                  SandboxCounters counters, DownloadStreamer streamer) {
        this.store = store;
        this.paths = paths;
        this.faults = faults;
        this.counters = counters;
        this.streamer = streamer;
    }

    /** The public URL of a completed video's clip, on the host the client reached the sandbox at. */
    public static String urlOf(SandboxVideo video) {
        return urlOf(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), video);
    }

    /** The same URL on a host known beforehand ({@code http://host:port}), for answers sent outside a request. */
    public static String urlOf(String base, SandboxVideo video) {
        return base + "/sandbox/media/" + video.protocol() + "/" + video.id() + ".mp4";
    }

    @GetMapping("/{protocol}/{file}")
    public void clip(@PathVariable String protocol, @PathVariable String file, HttpServletResponse response)
            throws IOException {
        String id = file.endsWith(".mp4") ? file.substring(0, file.length() - 4) : file;
        Optional<SandboxVideo> video = store.find(id).filter(v -> v.speaks(protocol));
        if (video.isEmpty() || video.get().status() != VideoStatus.COMPLETED) {
            notFound(response);
            return;
        }
        if (video.get().expired(Instant.now())) {
            store.deleteAssets(id);
            notFound(response);
            return;
        }
        DownloadOutcome outcome;
        try {
            outcome = streamer.stream(paths.clip(id), "video/mp4", response, faults.of(protocol).takeDownloadShape());
        } catch (NoSuchFileException e) {
            notFound(response);
            return;
        }
        counters.downloaded(outcome);
    }

    /** What an object store answers for a key that is gone. */
    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(404);
        response.setContentType("application/xml");
        response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message></Error>").getBytes(StandardCharsets.UTF_8));
    }
}
