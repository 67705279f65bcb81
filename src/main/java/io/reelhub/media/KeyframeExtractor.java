package io.reelhub.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Picks the stills a storyboard or a contact sheet shows: one ffmpeg pass finds the scene changes
 * ({@code select='gt(scene,T)'}, scores printed to a file), {@link KeyframeTimes} adds evenly spaced times up to the
 * wanted count, and each chosen frame is written as a PNG ({@code kf01.png}, {@code kf02.png}, ... in time order).
 */
@Component
public class KeyframeExtractor {

    /** Keyframes per clip when the caller does not say ({@code reelhub.media.keyframes}). */
    public static final int DEFAULT_COUNT = 6;
    /** Scene-change score above which a frame starts a new scene ({@code reelhub.media.scene-threshold}). */
    public static final double DEFAULT_SCENE_THRESHOLD = 0.3;
    /** Scene scores are measured on frames this wide: as telling as full size, and far cheaper to decode into. */
    private static final int ANALYSIS_WIDTH = 480;

    private final FfmpegBinaries binaries;
    private final MediaProbe probe;
    private final FrameGrabber grabber;
    private final int defaultCount;
    private final double sceneThreshold;

    public KeyframeExtractor(FfmpegBinaries binaries) {
        this(binaries, DEFAULT_COUNT, DEFAULT_SCENE_THRESHOLD);
    }

    @Autowired
    public KeyframeExtractor(FfmpegBinaries binaries,
                             @Value("${reelhub.media.keyframes:" + DEFAULT_COUNT + "}") int defaultCount,
                             @Value("${reelhub.media.scene-threshold:" + DEFAULT_SCENE_THRESHOLD + "}")
                             double sceneThreshold) {
        if (defaultCount < 1) {
            throw new IllegalStateException("reelhub.media.keyframes must be at least 1, got " + defaultCount);
        }
        if (!(sceneThreshold > 0 && sceneThreshold < 1)) {
            throw new IllegalStateException("reelhub.media.scene-threshold must be between 0 and 1 (exclusive), got "
                    + sceneThreshold);
        }
        this.binaries = binaries;
        this.probe = new MediaProbe(binaries);
        this.grabber = new FrameGrabber(binaries);
        this.defaultCount = defaultCount;
        this.sceneThreshold = sceneThreshold;
    }

    /** {@link #extract(Path, int, Path)} with the configured count. */
    public List<Keyframe> extract(Path clip, Path outDir) throws InterruptedException {
        return extract(clip, defaultCount, outDir);
    }

    /**
     * Writes up to {@code count} keyframes of {@code clip} into {@code outDir} as {@code kf01.png}... (existing files
     * of those names are replaced; each appears only when complete).
     *
     * @return the keyframes in time order; fewer than {@code count} only when the clip has fewer frames
     * @throws MediaToolException if the clip cannot be read or decoded to the end, with ffmpeg's stderr excerpt
     */
    public List<Keyframe> extract(Path clip, int count, Path outDir) throws InterruptedException {
        if (count < 1 || count > 99) {
            throw new IllegalArgumentException("the keyframe count must be between 1 and 99, got " + count);
        }
        ProbeResult facts = probe.probe(clip);
        if (!(facts.durationSeconds() > 0)) {
            throw new MediaToolException(clip.getFileName() + " has no duration to take keyframes from", "");
        }
        List<KeyframeTimes.SceneChange> changes = sceneChanges(clip, facts.durationSeconds());
        List<Double> times = KeyframeTimes.choose(facts.durationSeconds(), facts.fps(), changes, count);
        double quarterFrame = 0.25 / (facts.fps() > 0 ? facts.fps() : 24);
        List<Keyframe> keyframes = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            Path image = outDir.resolve(String.format(Locale.ROOT, "kf%02d.png", i + 1));
            // A hair before the frame's own time, so rounding never skips to the frame after it.
            grabber.still(clip, Math.max(0, times.get(i) - quarterFrame), 0, 0, image);
            keyframes.add(new Keyframe(i + 1, times.get(i), image));
        }
        return keyframes;
    }

    private List<KeyframeTimes.SceneChange> sceneChanges(Path clip, double duration) throws InterruptedException {
        try (ScratchFolder scratch = ScratchFolder.temporary("scenes-")) {
            String filter = String.format(Locale.ROOT, "scale=%d:-2,select='gt(scene,%.4f)',"
                    + "metadata=mode=print:file=scenes.txt", ANALYSIS_WIDTH, sceneThreshold);
            ToolRun.inFolder(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin",
                            "-xerror", "-i", clip.toAbsolutePath().toString(), "-an", "-sn", "-dn", "-vf", filter,
                            "-f", "null", "-"), scratch.path(), ToolRun.timeoutFor(duration),
                    "ffmpeg scene detection in " + clip.getFileName());
            return FilterMetadata.read(scratch.resolve("scenes.txt")).frames().stream()
                    .filter(frame -> frame.values().containsKey("lavfi.scene_score"))
                    .map(frame -> new KeyframeTimes.SceneChange(frame.seconds(), frame.number("lavfi.scene_score")))
                    .toList();
        }
    }
}
