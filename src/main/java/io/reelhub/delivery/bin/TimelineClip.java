package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One clip as it sits on a timeline: the delivered media file, its length in whole frames at its own rate, its
 * picture format, and the lineage an editor can read back from the clip's metadata. Every interchange writer
 * (OTIO, FCPXML, ALE, EDL) reads the same clips.
 *
 * @param name     the clip name editors see, e.g. {@code sh010_v001}
 * @param media    an absolute {@code file:} or {@code s3:} URI of the delivered clip
 * @param rate     frames per second
 * @param frames   the clip's length in frames
 * @param lineage  where the clip came from
 * @param shotId   the shot the clip is for, e.g. {@code sh010}
 * @param width    picture width in pixels, 0 if unknown
 * @param height   picture height in pixels, 0 if unknown
 * @param hasAudio whether the media has an audio stream
 */
public record TimelineClip(String name, URI media, double rate, long frames, Lineage lineage, String shotId,
                           int width, int height, boolean hasAudio) {

    public TimelineClip {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lineage, "lineage");
        if (!media.isAbsolute() || !("file".equals(media.getScheme()) || "s3".equals(media.getScheme()))) {
            throw new IllegalArgumentException("media must be an absolute file: or s3: URI, was " + media);
        }
        if (!(rate > 0) || frames < 1) {
            throw new IllegalArgumentException(
                    "clip " + name + " needs a positive frame rate and at least one frame, had " + rate + " fps and "
                            + frames + " frames");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("clip " + name + " has a negative size " + width + "x" + height);
        }
    }

    /** A picture-only clip whose shot and size are not known. */
    public TimelineClip(String name, URI media, double rate, long frames, Lineage lineage) {
        this(name, media, rate, frames, lineage, null, 0, 0, false);
    }

    /** The clip of a delivery once it sits at {@code deliveredClip}. */
    public static TimelineClip of(String name, Path deliveredClip, Delivery delivery) {
        return of(name, deliveredClip.toAbsolutePath().normalize().toUri(), delivery);
    }

    /** The clip of a delivery once it sits at {@code media}, a file: or s3: URI. */
    public static TimelineClip of(String name, URI media, Delivery delivery) {
        long frames = Math.round(delivery.durationSeconds() * delivery.fps());
        return new TimelineClip(name, media, delivery.fps(), frames, Lineage.of(delivery), delivery.shotId(),
                delivery.width(), delivery.height(), delivery.hasAudio());
    }

    /** The rate as an exact fraction (23.976 is 24000/1001). */
    public FrameRate frameRate() {
        return FrameRate.of(rate);
    }

    /** The clip's length in seconds. */
    public double seconds() {
        return frames / rate;
    }

    /** The media's file name, the last segment of its URI (e.g. {@code sh010_v001.mp4}). */
    public String fileName() {
        String path = media.getPath() != null ? media.getPath() : media.getSchemeSpecificPart();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
