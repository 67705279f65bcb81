package io.reelhub.media;

/**
 * What ffprobe says about a media file.
 *
 * @param formatName      the container as ffprobe names it (e.g. {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param videoCodec      the first video stream's codec (e.g. {@code h264})
 * @param width           the first video stream's width in pixels
 * @param height          the first video stream's height in pixels
 * @param durationSeconds the container duration (the stream's when the container has none)
 * @param fps             the first video stream's average frame rate
 * @param hasAudio        whether any audio stream is present
 * @param sizeBytes       the file size
 */
public record ProbeResult(String formatName, String videoCodec, int width, int height, double durationSeconds,
                          double fps, boolean hasAudio, long sizeBytes) {
}
