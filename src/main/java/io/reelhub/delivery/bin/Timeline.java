package io.reelhub.delivery.bin;

import java.util.List;
import java.util.Objects;

/**
 * Clips end to end in one video track, in the order given: the one model every interchange writer (OTIO, FCPXML,
 * ALE, CMX3600 EDL) turns into its own format, so the formats cannot disagree about order or lengths.
 *
 * <p>A timeline runs at its first clip's rate. A clip at another rate keeps its own rate where the format allows
 * (OTIO, the FCPXML bin clips) and lasts its length in whole timeline frames where the format has one rate (the
 * FCPXML sequence, ALE, EDL), as an editing tool conforms it.
 *
 * @param name  the timeline (sequence) name editors see, e.g. {@code acme-spring-sc01_v001}
 * @param clips at least one clip, in timeline order
 */
public record Timeline(String name, List<TimelineClip> clips) {

    public Timeline {
        Objects.requireNonNull(name, "name");
        clips = List.copyOf(clips);
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one clip");
        }
    }

    /** The timeline's rate: its first clip's. */
    public FrameRate rate() {
        return clips.get(0).frameRate();
    }

    /** How many timeline frames {@code clip} lasts: its own frame count when it runs at the timeline's rate. */
    public long framesOnTimeline(TimelineClip clip) {
        FrameRate rate = rate();
        return clip.frameRate().equals(rate) ? clip.frames() : Math.max(1, rate.framesIn(clip.seconds()));
    }

    /** The whole timeline's length in timeline frames. */
    public long frames() {
        return clips.stream().mapToLong(this::framesOnTimeline).sum();
    }
}
