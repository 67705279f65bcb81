package io.reelhub.delivery.storyboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.reelhub.media.Keyframe;
import io.reelhub.media.KeyframeExtractor;

/**
 * A shot's keyframes as packages name them ({@code sh010_kf01.png}, ...), so a keyframe keeps one name in every
 * folder, bucket and tool it reaches, and shots of one brief never collide.
 */
public final class PackageKeyframes {

    private PackageKeyframes() {
    }

    /** Extracts {@code count} keyframes of {@code clip} into {@code folder}, named for {@code shot}. */
    public static List<PackagedFrame> extract(KeyframeExtractor extractor, Path clip, int count, String shot,
                                              Path folder) throws IOException, InterruptedException {
        Path raw = Files.createDirectory(folder.resolve("keyframes"));
        List<PackagedFrame> frames = new ArrayList<>();
        for (Keyframe keyframe : extractor.extract(clip, count, raw)) {
            Path named = Files.move(keyframe.image(), folder.resolve(StoryboardNames.keyframe(shot,
                    keyframe.index())), StandardCopyOption.ATOMIC_MOVE);
            frames.add(new PackagedFrame(keyframe.index(), keyframe.seconds(), named));
        }
        Files.delete(raw);
        return frames;
    }

    /** The frames as the media toolkit takes them (contact sheets). */
    public static List<Keyframe> asKeyframes(List<PackagedFrame> frames) {
        return frames.stream().map(f -> new Keyframe(f.index(), f.seconds(), f.image())).toList();
    }
}
