package io.reelhub.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Finds the stretches of a clip a viewer would call broken: black ({@code blackdetect}) or frozen
 * ({@code freezedetect}), in one decoding pass whose marks are printed to a file. A clip that does not decode to its
 * end (a truncated or corrupt download) fails with ffmpeg's reason rather than passing as a short clip.
 */
@Component
public class FrameQuality {

    /**
     * What counts as broken.
     *
     * @param minBlackSeconds   report black stretches at least this long
     * @param blackPixelLuma    a pixel is black below this luminance (0..1; blackdetect's {@code pix_th})
     * @param blackPictureRatio a picture is black when this share of its pixels is (0..1; {@code pic_th})
     * @param minFrozenSeconds  report frozen stretches at least this long
     * @param frozenNoiseDb     pictures differing less than this (dB, negative) count as the same
     *                          (freezedetect's {@code noise})
     */
    public record Thresholds(double minBlackSeconds, double blackPixelLuma, double blackPictureRatio,
                             double minFrozenSeconds, double frozenNoiseDb) {

        /**
         * Two seconds of black or of a still picture; a noise floor of -70 dB, below ffmpeg's -60 dB default: a
         * frame repeated by an encoder measures far lower still, while a shot where only a small part moves (a
         * locked-off camera, the sandbox's cards with their moving marker) measures between the two.
         */
        public static final Thresholds DEFAULT = new Thresholds(2.0, 0.10, 0.98, 2.0, -70);

        public Thresholds {
            if (!(minBlackSeconds > 0) || !(minFrozenSeconds > 0)) {
                throw new IllegalArgumentException("the shortest black and frozen stretches must be positive, got "
                        + minBlackSeconds + " and " + minFrozenSeconds);
            }
            if (!(blackPixelLuma > 0 && blackPixelLuma < 1) || !(blackPictureRatio > 0 && blackPictureRatio <= 1)) {
                throw new IllegalArgumentException("black thresholds are fractions between 0 and 1, got "
                        + blackPixelLuma + " and " + blackPictureRatio);
            }
            if (!(frozenNoiseDb < 0)) {
                throw new IllegalArgumentException("the frozen noise floor is negative dB, got " + frozenNoiseDb);
            }
        }

        public Thresholds withMinBlackSeconds(double seconds) {
            return new Thresholds(seconds, blackPixelLuma, blackPictureRatio, minFrozenSeconds, frozenNoiseDb);
        }

        public Thresholds withMinFrozenSeconds(double seconds) {
            return new Thresholds(minBlackSeconds, blackPixelLuma, blackPictureRatio, seconds, frozenNoiseDb);
        }
    }

    private final FfmpegBinaries binaries;
    private final MediaProbe probe;

    public FrameQuality(FfmpegBinaries binaries) {
        this.binaries = binaries;
        this.probe = new MediaProbe(binaries);
    }

    /**
     * The black and frozen stretches of {@code clip} that last at least the thresholds' minimums, by start time. A
     * black stretch is usually frozen as well; both are reported.
     *
     * @throws MediaToolException if the clip cannot be probed or does not decode to its end (stderr excerpt attached)
     */
    public List<FrameStretch> scan(Path clip, Thresholds thresholds) throws InterruptedException {
        double duration = probe.probe(clip).durationSeconds();
        try (ScratchFolder scratch = ScratchFolder.temporary("frames-")) {
            String filter = String.format(Locale.ROOT, "blackdetect=d=%.3f:pix_th=%.4f:pic_th=%.4f,"
                            + "freezedetect=n=%.1fdB:d=%.3f,metadata=mode=print:file=marks.txt",
                    thresholds.minBlackSeconds(), thresholds.blackPixelLuma(), thresholds.blackPictureRatio(),
                    thresholds.frozenNoiseDb(), thresholds.minFrozenSeconds());
            ToolRun.inFolder(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin",
                    "-xerror", "-i", clip.toAbsolutePath().toString(), "-an", "-sn", "-dn", "-vf", filter,
                    "-f", "null", "-"), scratch.path(), ToolRun.timeoutFor(duration),
                    "ffmpeg frame check of " + clip.getFileName());
            return stretches(FilterMetadata.read(scratch.resolve("marks.txt")), duration, thresholds);
        }
    }

    /** {@link #scan} with {@link Thresholds#DEFAULT}. */
    public List<FrameStretch> scan(Path clip) throws InterruptedException {
        return scan(clip, Thresholds.DEFAULT);
    }

    /**
     * Pairs the start and end marks and keeps the stretches long enough: blackdetect marks every black run on the
     * frames, however short (only its log line waits for the minimum), so a one-frame fade is dropped here. A stretch
     * still open at the last frame ends with the clip: ffmpeg logs it but marks no frame.
     */
    static List<FrameStretch> stretches(FilterMetadata marks, double duration, Thresholds thresholds) {
        List<FrameStretch> found = new ArrayList<>();
        double blackStart = Double.NaN;
        double frozenStart = Double.NaN;
        for (FilterMetadata.Frame frame : marks.frames()) {
            if (frame.values().containsKey("lavfi.black_start")) {
                blackStart = frame.number("lavfi.black_start");
            }
            if (frame.values().containsKey("lavfi.black_end") && !Double.isNaN(blackStart)) {
                keep(found, FrameStretch.Kind.BLACK, blackStart, frame.number("lavfi.black_end"),
                        thresholds.minBlackSeconds());
                blackStart = Double.NaN;
            }
            if (frame.values().containsKey("lavfi.freezedetect.freeze_start")) {
                frozenStart = frame.number("lavfi.freezedetect.freeze_start");
            }
            if (frame.values().containsKey("lavfi.freezedetect.freeze_end") && !Double.isNaN(frozenStart)) {
                keep(found, FrameStretch.Kind.FROZEN, frozenStart, frame.number("lavfi.freezedetect.freeze_end"),
                        thresholds.minFrozenSeconds());
                frozenStart = Double.NaN;
            }
        }
        if (!Double.isNaN(blackStart)) {
            keep(found, FrameStretch.Kind.BLACK, blackStart, duration, thresholds.minBlackSeconds());
        }
        if (!Double.isNaN(frozenStart)) {
            keep(found, FrameStretch.Kind.FROZEN, frozenStart, duration, thresholds.minFrozenSeconds());
        }
        found.sort(Comparator.comparingDouble(FrameStretch::startSeconds)
                .thenComparing(FrameStretch::kind));
        return List.copyOf(found);
    }

    private static void keep(List<FrameStretch> found, FrameStretch.Kind kind, double start, double end,
                             double minSeconds) {
        // A millisecond of slack: ffmpeg prints times rounded to microseconds.
        if (end - start >= minSeconds - 0.001) {
            found.add(new FrameStretch(kind, start, end));
        }
    }
}
