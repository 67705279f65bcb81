package io.reelhub.social;

import java.util.ArrayList;
import java.util.List;

import io.reelhub.media.ProbeResult;

/**
 * A rendition checked against its platform after it is made, as the platform would check it on upload: the exact
 * frame, the duration window, the same length as its source, the frame-rate window, a video codec the platform
 * takes, and the {@code moov} box first. What fails is named with the platform's window, never posted.
 */
final class RenditionCheck {

    /** How far a rendition's length may be from its source's (one frame at 24 fps is 0.042 s). */
    static final double SAME_LENGTH_SECONDS = 0.1;

    private RenditionCheck() {
    }

    static List<String> problems(PlatformProfile profile, ProbeResult rendition, boolean moovFirst,
                                 double sourceSeconds) {
        List<String> problems = new ArrayList<>();
        if (rendition.width() != profile.width() || rendition.height() != profile.height()) {
            problems.add("frame " + rendition.width() + "x" + rendition.height() + " instead of " + profile.size());
        }
        if (!profile.takesDuration(rendition.durationSeconds())) {
            problems.add("%.2f s is outside %s".formatted(rendition.durationSeconds(), profile.durationWindow()));
        }
        if (Math.abs(rendition.durationSeconds() - sourceSeconds) > SAME_LENGTH_SECONDS) {
            problems.add("%.2f s long but its source is %.2f s".formatted(rendition.durationSeconds(),
                    sourceSeconds));
        }
        if (!profile.takesFps(rendition.fps())) {
            problems.add("%.2f fps is outside %s".formatted(rendition.fps(), profile.fpsWindow()));
        }
        if (!profile.takesCodec(rendition.videoCodec())) {
            problems.add("codec " + rendition.videoCodec() + " is not one of " + String.join(", ", profile.codecs()));
        }
        if (!moovFirst) {
            problems.add("the moov atom is not before the media data (not fast-start)");
        }
        return problems;
    }
}
