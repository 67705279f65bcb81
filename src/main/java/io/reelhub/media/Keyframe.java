package io.reelhub.media;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One still picked from a clip for a storyboard or a contact sheet.
 *
 * @param index   1-based position in time order, as in the file name ({@code kf01.png} is index 1)
 * @param seconds where in the clip the frame is shown
 * @param image   the PNG file
 */
public record Keyframe(int index, double seconds, Path image) {

    /** The frame's time as {@code HH:MM:SS.mmm}, the label of contact-sheet tiles. */
    public String timecode() {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }
}
