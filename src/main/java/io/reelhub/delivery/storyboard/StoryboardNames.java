package io.reelhub.delivery.storyboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The file names of a storyboard package, the same in its work folder, in {@code storyboards/}, in S3 and as frame
 * references in storyboard tools. Each shot's files start with its id, so the shots of one brief version share a
 * folder without clashing, and a file can be found by name alone.
 */
public final class StoryboardNames {

    public static final String SHOT_LIST_CSV = "shot-list.csv";
    public static final String SHOT_LIST_JSON = "shot-list.json";

    private StoryboardNames() {
    }

    /** {@code sh010_kf01.png} for the first keyframe. */
    public static String keyframe(String shot, int index) {
        return "%s_kf%02d.png".formatted(shot, index);
    }

    public static List<String> keyframes(String shot, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(keyframe(shot, i));
        }
        return names;
    }

    public static String contactSheetPng(String shot) {
        return shot + "_contact-sheet.png";
    }

    public static String contactSheetPdf(String shot) {
        return shot + "_contact-sheet.pdf";
    }

    /** The shot's manifest, written last: its presence means the shot's files are all in place. */
    public static String manifest(String shot) {
        return shot + ".reelhub.json";
    }

    /** A frame's stable reference in a storyboard tool, e.g. {@code sh010-kf01}. */
    public static String frameReference(String shot, int index) {
        return "%s-kf%02d".formatted(shot, index);
    }
}
