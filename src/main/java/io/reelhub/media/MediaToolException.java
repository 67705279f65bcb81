package io.reelhub.media;

/**
 * An ffmpeg or ffprobe run that failed. The message names what was attempted and ends with the tail of the tool's
 * stderr, which is usually the only place that says why.
 */
public class MediaToolException extends RuntimeException {

    private final String stderrExcerpt;

    public MediaToolException(String message, String stderrExcerpt) {
        this(message, stderrExcerpt, null);
    }

    public MediaToolException(String message, String stderrExcerpt, Throwable cause) {
        super(stderrExcerpt == null || stderrExcerpt.isBlank() ? message : message + ": " + stderrExcerpt.strip(), cause);
        this.stderrExcerpt = stderrExcerpt == null ? "" : stderrExcerpt.strip();
    }

    /** The last lines the tool wrote to stderr (possibly empty). */
    public String stderrExcerpt() {
        return stderrExcerpt;
    }
}
