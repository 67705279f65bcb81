package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Transcodes a delivered clip to a ProRes 422 mezzanine ({@code .mov}) for editors who cut or finish in ProRes
 * rather than on long-GOP H.264: FFmpeg's {@code prores_ks} encoder, profile 2 (422 "standard"), 10-bit 4:2:2,
 * same size, frame rate and length as the source, audio (if any) as 16-bit PCM.
 *
 * <p>The output is deterministic for a given source and FFmpeg build ({@code +bitexact}, no encoder or creation-time
 * tags), so transcoding the same clip again yields the same bytes: a repeated delivery recognises the mezzanine it
 * already placed instead of seeing a conflict. The file appears at its final name only when complete (written to a
 * hidden temporary name beside it, then renamed); a failure leaves nothing behind and reports ffmpeg's stderr.
 */
@Component
public class ProresMezzanine {

    /** prores_ks profile 2: ProRes 422 (0 proxy, 1 LT, 2 standard, 3 HQ). */
    static final String PROFILE_422 = "2";
    /**
     * A guard against a hung ffmpeg, not a speed target: on two busy cores prores_ks managed about 7 frames a
     * second of 720p, so a minute of 4K can take the better part of an hour.
     */
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final FfmpegBinaries binaries;
    private final Duration timeout;

    @Autowired
    public ProresMezzanine(FfmpegBinaries binaries) {
        this(binaries, TIMEOUT);
    }

    ProresMezzanine(FfmpegBinaries binaries, Duration timeout) {
        this.binaries = binaries;
        this.timeout = timeout;
    }

    /**
     * Writes the ProRes 422 mezzanine of {@code source} to {@code out}, replacing a file already there.
     *
     * @throws MediaToolException   if the source is missing or ffmpeg fails (with ffmpeg's stderr excerpt)
     * @throws InterruptedException if interrupted; ffmpeg is killed and no file is left behind
     */
    public Path render(Path source, Path out) throws InterruptedException {
        if (!Files.isRegularFile(source)) {
            throw new MediaToolException("cannot make a ProRes mezzanine of " + source.getFileName()
                    + ": no such file", "");
        }
        Path target = out.toAbsolutePath();
        Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            ToolRun.stdoutOf(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-i", source.toAbsolutePath().toString(),
                    "-map", "0:v:0", "-map", "0:a?",
                    "-c:v", "prores_ks", "-profile:v", PROFILE_422, "-pix_fmt", "yuv422p10le",
                    "-c:a", "pcm_s16le",
                    // Same bytes for the same source: no encoder version, no creation time, no copied tags.
                    "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
                    "-f", "mov", "-y", part.toString()),
                    timeout, "ProRes 422 mezzanine of " + source.getFileName());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new MediaToolException("could not move the ProRes mezzanine " + part.getFileName() + " into place",
                    "", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // A hidden .part left in a work folder is removed with the folder.
            }
        }
    }
}
