package io.reelhub.delivery.storyboard;

import java.nio.file.Path;

/**
 * One keyframe of a package: its 1-based index in the shot, where it was taken in the clip, and its PNG file
 * (named {@link StoryboardNames#keyframe}).
 */
public record PackagedFrame(int index, double seconds, Path image) {

    public String fileName() {
        return image.getFileName().toString();
    }
}
