package io.reelhub.media.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.reelhub.media.Caption;
import io.reelhub.media.ClipRenderer;
import io.reelhub.media.ClipSpec;
import io.reelhub.media.ContactSheet;
import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.FrameQuality;
import io.reelhub.media.Keyframe;
import io.reelhub.media.KeyframeExtractor;
import io.reelhub.media.Reframe;
import io.reelhub.media.Reframer;

/**
 * Times the media toolkit on sandbox clips of 4 s and 8 s at 1280x720: keyframes, contact sheet (PNG and PDF), the
 * four social reframes and the black/frozen scan. Not a test: run it with {@code bench/media.sh [runs]} and record the
 * numbers in docs/BENCHMARKS.md with the machine they came from.
 */
public final class MediaBench {

    private interface Step {
        void run() throws Exception;
    }

    private MediaBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        FfmpegBinaries binaries = FfmpegBinaries.shipped();
        KeyframeExtractor keyframes = new KeyframeExtractor(binaries);
        ContactSheet sheet = new ContactSheet();
        Reframer reframer = new Reframer(binaries);
        FrameQuality quality = new FrameQuality(binaries);
        Path work = Files.createTempDirectory("reelhub-media-bench-");
        try {
            System.out.printf("machine: %d cores, %s %s; %d runs, median (min-max) in ms%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), runs);
            for (int seconds : new int[] {4, 8}) {
                Path clip = work.resolve("clip-" + seconds + "s.mp4");
                new ClipRenderer(binaries).render(new ClipSpec(1280, 720, seconds, "SANDBOX · veo-3.1", "sh010",
                        "Rain-soaked neon street in Tokyo at night, light drizzle.", Map.of()), clip);
                List<Keyframe> frames = keyframes.extract(clip, 6, work.resolve("warm-up"));
                List<Caption> captions = List.of(new Caption("Scene", "Rain-soaked neon street in Tokyo at night"),
                        new Caption("Camera", "Slow dolly in, 35mm anamorphic"));
                Map<String, Step> steps = new LinkedHashMap<>();
                steps.put("keyframes (6)", () -> keyframes.extract(clip, 6, work.resolve("kf")));
                steps.put("contact sheet PNG (3 columns)", () -> sheet.writePng(frames, 3, work.resolve("s.png")));
                steps.put("contact sheet PDF", () -> sheet.writePdf("Bench", frames, captions, work.resolve("s.pdf")));
                steps.put("reframe 9:16 crop", () -> reframer.reframe(clip, Reframe.VERTICAL_9_16, out(work)));
                steps.put("reframe 1:1 crop", () -> reframer.reframe(clip, Reframe.SQUARE_1_1, out(work)));
                steps.put("reframe 4:5 crop", () -> reframer.reframe(clip, Reframe.PORTRAIT_4_5, out(work)));
                steps.put("reframe 16:9 pad", () -> reframer.reframe(clip,
                        Reframe.LANDSCAPE_16_9.withFit(Reframe.Fit.PAD), out(work)));
                steps.put("black/frozen scan", () -> quality.scan(clip));
                for (Map.Entry<String, Step> step : steps.entrySet()) {
                    List<Long> millis = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        long start = System.nanoTime();
                        step.getValue().run();
                        millis.add((System.nanoTime() - start) / 1_000_000);
                    }
                    millis.sort(Comparator.naturalOrder());
                    System.out.printf("1280x720 %d s  %-30s %6d (%d-%d)%n", seconds, step.getKey(),
                            millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path out(Path work) {
        return work.resolve("rendition.mp4");
    }
}
