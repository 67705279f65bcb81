package io.reelhub.delivery.storyboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.reelhub.delivery.Delivery;
import io.reelhub.media.ClipRenderer;
import io.reelhub.media.ClipSpec;
import io.reelhub.media.FfmpegBinaries;

/** Real sandbox clips in a job's work folder, for package tests that run the media toolkit. */
public final class PackageClips {

    public static final FfmpegBinaries BINARIES = FfmpegBinaries.shipped();

    private PackageClips() {
    }

    /**
     * Renders a {@code width}x{@code height}, {@code seconds}-long sandbox clip into {@code work/<jobId>/} and
     * returns the delivery of it, as the delivery step builds it.
     */
    public static Delivery delivery(Path work, String jobId, String stage, String shot, int version, int width,
                                    int height, double seconds) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(work.resolve(jobId));
        Path clip = folder.resolve("clip.mp4");
        new ClipRenderer(BINARIES).render(new ClipSpec(width, height, seconds, "SANDBOX · veo-3.1", shot,
                "Rain-soaked neon street in Tokyo at night. A woman in a red trench coat walks toward camera.",
                Map.of("comment", "reelhub-test")), clip);
        return new Delivery(jobId, "neon-street", "acme-spring", version, shot, stage, "Opening hook", "veo-3.1",
                "sandbox", "sbx-" + jobId, 42L, "Scene: Rain-soaked neon street in Tokyo at night.",
                new BigDecimal("3.20"), true, clip, width, height, seconds, ClipRenderer.FPS,
                Instant.parse("2026-10-21T08:00:00Z"), Instant.parse("2026-10-21T08:03:12Z"));
    }
}
