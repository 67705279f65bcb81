package io.reelhub.media;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * One still of a clip for a list or a callback: the frame at a given time, no wider than asked, keeping the clip's
 * shape (square pixels assumed). PNG or JPEG by the output's extension ({@code .png}, {@code .jpg}, {@code .jpeg};
 * {@code .webp} works too).
 */
@Component
public class Thumbnailer {

    private final MediaProbe probe;
    private final FrameGrabber grabber;

    public Thumbnailer(FfmpegBinaries binaries) {
        this.probe = new MediaProbe(binaries);
        this.grabber = new FrameGrabber(binaries);
    }

    /**
     * Writes the frame shown at {@code atSeconds} to {@code out}, scaled down to {@code maxWidth} when the clip is
     * wider (never up). A time past the end takes the last frame; the file appears only when complete.
     *
     * @return {@code out}
     * @throws MediaToolException if the clip cannot be read (with ffprobe's or ffmpeg's stderr excerpt)
     */
    public Path thumbnail(Path clip, double atSeconds, int maxWidth, Path out) throws InterruptedException {
        if (atSeconds < 0 || Double.isNaN(atSeconds)) {
            throw new IllegalArgumentException("the thumbnail time must be 0 or more seconds, got " + atSeconds);
        }
        if (maxWidth < 2) {
            throw new IllegalArgumentException("the thumbnail width must be at least 2 pixels, got " + maxWidth);
        }
        ProbeResult facts = probe.probe(clip);
        int width = Math.min(maxWidth, facts.width());
        // Even sides: JPEG's 4:2:0 chroma wants them, and a pixel of rounding is invisible.
        width -= width % 2;
        int height = (int) Math.max(2, Math.round((double) facts.height() * width / facts.width() / 2) * 2);
        double lastFrame = Math.max(0, facts.durationSeconds() - 1 / (facts.fps() > 0 ? facts.fps() : 24));
        grabber.still(clip, Math.min(atSeconds, lastFrame), width, height, out);
        return out;
    }
}
