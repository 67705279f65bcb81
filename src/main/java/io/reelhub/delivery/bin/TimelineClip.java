package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One clip as it sits on a timeline: the delivered media file, its length in whole frames at its own rate, and the
 * lineage an editor can read back from the clip's metadata.
 *
 * @param name     the clip name editors see, e.g. {@code sh010_v001}
 * @param media    an absolute {@code file:} or {@code s3:} URI of the delivered clip
 * @param rate     frames per second
 * @param frames   the clip's length in frames
 * @param lineage  where the clip came from
 */
public record TimelineClip(String name, URI media, double rate, long frames, Lineage lineage) {

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
    }

    /** The clip of a delivery once it sits at {@code deliveredClip}. */
    public static TimelineClip of(String name, Path deliveredClip, Delivery delivery) {
        return of(name, deliveredClip.toAbsolutePath().normalize().toUri(), delivery);
    }

    /** The clip of a delivery once it sits at {@code media}, a file: or s3: URI. */
    public static TimelineClip of(String name, URI media, Delivery delivery) {
        long frames = Math.round(delivery.durationSeconds() * delivery.fps());
        return new TimelineClip(name, media, delivery.fps(), frames, Lineage.of(delivery));
    }
}
