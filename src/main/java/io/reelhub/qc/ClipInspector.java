package io.reelhub.qc;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.media.FrameQuality;
import io.reelhub.media.FrameStretch;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.MediaToolException;
import io.reelhub.media.ProbeResult;

/**
 * Checks a downloaded clip against what was asked for: a container ffprobe reads, an accepted codec, the requested
 * length (within a tolerance) and size, every frame decoding, and no black or frozen stretch longer than allowed
 * (one ffmpeg pass). A file that is no video, or does not decode to its end, is a failed check with ffmpeg's own
 * words, never an exception.
 */
@Component
public class ClipInspector {

    private final MediaProbe probe;
    private final FrameQuality frames;
    private final QcProperties properties;
    private final Clock clock;

    public ClipInspector(MediaProbe probe, FrameQuality frames, QcProperties properties, Clock clock) {
        this.probe = probe;
        this.frames = frames;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param attempt which generation of the shot this clip is (1 = the first)
     * @throws InterruptedException if the thread is interrupted; ffmpeg is killed
     */
    public QcReport inspect(Path clip, GenerationSpec spec, int attempt) throws InterruptedException {
        List<QcCheck> checks = new ArrayList<>();
        String name = clip.getFileName().toString();
        ProbeResult facts;
        try {
            facts = probe.probe(clip);
        } catch (MediaToolException e) {
            checks.add(QcCheck.of("container", false, withoutFolder(e, clip),
                    "an MP4 or MOV file with a video stream"));
            return report(attempt, spec, name, checks, null, List.of());
        }
        checks.add(QcCheck.of("container", facts.formatName().contains("mp4") || facts.formatName().contains("mov"),
                facts.formatName(), "mov,mp4"));
        checks.add(QcCheck.of("codec", properties.codecs().contains(facts.videoCodec()), facts.videoCodec(),
                String.join(" or ", properties.codecs())));
        checks.add(QcCheck.of("duration",
                Math.abs(facts.durationSeconds() - spec.seconds()) <= properties.durationToleranceSeconds(),
                seconds(facts.durationSeconds()), spec.seconds() + " s ± " + properties.durationToleranceSeconds()
                        + " s"));
        checks.add(QcCheck.of("resolution", facts.width() == spec.width() && facts.height() == spec.height(),
                facts.width() + "x" + facts.height(), spec.width() + "x" + spec.height()));
        List<FrameStretch> stretches;
        try {
            stretches = frames.scan(clip, FrameQuality.Thresholds.DEFAULT
                    .withMinBlackSeconds(properties.maxBlackSeconds())
                    .withMinFrozenSeconds(properties.maxFrozenSeconds()));
        } catch (MediaToolException e) {
            checks.add(QcCheck.of("decodes", false, withoutFolder(e, clip), "every frame decodes"));
            return report(attempt, spec, name, checks, facts, List.of());
        }
        checks.add(QcCheck.of("decodes", true, "every frame decodes", "every frame decodes"));
        List<FrameStretch> tooLong = new ArrayList<>();
        checks.add(stretchCheck("black", FrameStretch.Kind.BLACK, stretches, properties.maxBlackSeconds(), tooLong));
        checks.add(stretchCheck("frozen", FrameStretch.Kind.FROZEN, stretches, properties.maxFrozenSeconds(),
                tooLong));
        return report(attempt, spec, name, checks, facts, tooLong);
    }

    private static QcCheck stretchCheck(String name, FrameStretch.Kind kind, List<FrameStretch> stretches,
                                        double maxSeconds, List<FrameStretch> tooLong) {
        List<FrameStretch> found = stretches.stream()
                .filter(s -> s.kind() == kind && s.durationSeconds() > maxSeconds).toList();
        tooLong.addAll(found);
        String measured = found.isEmpty() ? "none longer than " + seconds(maxSeconds) : found.stream()
                .map(s -> String.format(Locale.ROOT, "%s %.2f-%.2f s (%.2f s)", name, s.startSeconds(),
                        s.endSeconds(), s.durationSeconds()))
                .collect(Collectors.joining(", "));
        return QcCheck.of(name, found.isEmpty(), measured, "no " + name + " stretch longer than "
                + seconds(maxSeconds));
    }

    private QcReport report(int attempt, GenerationSpec spec, String clip, List<QcCheck> checks, ProbeResult facts,
                            List<FrameStretch> stretches) {
        boolean passed = checks.stream().allMatch(QcCheck::passed);
        return new QcReport(attempt, spec.seed(), clip, passed, checks, facts, stretches, clock.instant());
    }

    /** ffmpeg names the input by its full path; the report (shown by the API) names the file only. */
    private static String withoutFolder(MediaToolException e, Path clip) {
        return e.getMessage().replace(clip.toAbsolutePath().toString(), clip.getFileName().toString());
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }
}
