package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
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
        still(video, 0, 0, 0, image);
    }

    /**
     * Writes the frame shown at {@code seconds} (the first frame whose time is not before it), scaled to
     * {@code width} x {@code height} when both are positive, to {@code image} (encoder by extension, as
     * {@link #firstFrame}). The image appears only when complete; a time past the last frame is a failure.
     */
    void still(Path video, double seconds, int width, int height, Path image) throws InterruptedException {
        Path absolute = image.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        List<String> encoder = encoderFor(absolute.getFileName().toString());
        List<String> command = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-loglevel",
                "error", "-nostdin"));
        if (seconds > 0) {
            // Before -i: a fast seek to the keyframe before, then decoding up to the exact time.
            command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.6f", seconds)));
        }
        command.addAll(List.of("-i", video.toAbsolutePath().toString(), "-frames:v", "1", "-an", "-sn", "-dn"));
        if (width > 0 && height > 0) {
            command.addAll(List.of("-vf", "scale=" + width + ":" + height + ":flags=lanczos,setsar=1"));
        }
        command.addAll(encoder);
        command.addAll(List.of("-y", part.toString()));
        try {
            Files.createDirectories(absolute.getParent());
            ToolRun.stdoutOf(command, TIMEOUT, "ffmpeg still of " + video.getFileName());
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                throw new MediaToolException("ffmpeg found no frame at " + String.format(Locale.ROOT, "%.3f", seconds)
                        + " s in " + video.getFileName(), "");
            }
            Files.move(part, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MediaToolException("could not move the still " + part.getFileName() + " into place", "", e);
        } finally {
            ToolRun.deleteQuietly(part);
        }
    }

    /** The encoder and muxer options for an image name; {@code -update 1} tells image2 that one file is meant. */
    private static List<String> encoderFor(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".webp")) {
            return List.of("-c:v", "libwebp", "-f", "webp");
        }
        if (name.endsWith(".png")) {
            return List.of("-c:v", "png", "-update", "1", "-f", "image2");
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return List.of("-c:v", "mjpeg", "-q:v", "2", "-update", "1", "-f", "image2");
        }
        throw new IllegalArgumentException("no still encoder for " + fileName + " (use .webp, .png or .jpg)");
    }
}
