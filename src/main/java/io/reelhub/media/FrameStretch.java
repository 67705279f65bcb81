package io.reelhub.media;

/**
 * A stretch of a clip that shows nothing useful: black, or the same picture standing still.
 *
 * @param kind         what was detected
 * @param startSeconds where it begins
 * @param endSeconds   where it ends (the clip's end when it runs to the last frame)
 */
public record FrameStretch(Kind kind, double startSeconds, double endSeconds) {

    public enum Kind { BLACK, FROZEN }

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
