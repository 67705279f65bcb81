package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Pulls still images out of a clip with ffmpeg. */
@Component
public class FrameGrabber {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final FfmpegBinaries binaries;

    public FrameGrabber(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    /**
     * Writes the first frame of {@code video} to {@code image}, encoded by the image's extension: {@code .webp}
     * (libwebp), {@code .png} or {@code .jpg}. The image appears only when complete.
     */
    public void firstFrame(Path video, Path image) throws InterruptedException {
        Path absolute = image.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        String[] encoder = encoderFor(absolute.getFileName().toString());
        try {
            ToolRun.stdoutOf(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin",
                    "-i", video.toAbsolutePath().toString(), "-frames:v", "1", "-an",
                    "-c:v", encoder[0], "-f", encoder[1], "-y", part.toString()), TIMEOUT,
                    "ffmpeg still of " + video.getFileName());
            Files.move(part, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MediaToolException("could not move the still " + part.getFileName() + " into place", "", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // Only a leftover .part; the next grab replaces it.
            }
        }
    }

    private static String[] encoderFor(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".webp")) {
            return new String[] {"libwebp", "webp"};
        }
        if (name.endsWith(".png")) {
            return new String[] {"png", "image2"};
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return new String[] {"mjpeg", "image2"};
        }
        throw new IllegalArgumentException("no still encoder for " + fileName + " (use .webp, .png or .jpg)");
    }
}
