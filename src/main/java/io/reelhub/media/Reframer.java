package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Makes a rendition of a clip in another frame (9:16, 1:1, 4:5, 16:9) by centre crop or pad: H.264 (libopenh264,
 * the encoder of this LGPL build) in MP4 with the moov atom first and no edit list, as the social platforms ask;
 * the audio, if any, re-encoded to AAC; same frame rate and duration as the source. The file appears at its path only
 * when complete; a clip that does not decode to its end fails instead of giving a short rendition.
 */
@Component
public class Reframer {

    /** Bits per pixel and frame: crisp text and faces at 1080p without the platforms re-compressing it much worse. */
    private static final double BITS_PER_PIXEL = 0.12;
    private static final long MIN_BITRATE = 1_000_000;
    private static final long MAX_BITRATE = 20_000_000;

    private final FfmpegBinaries binaries;
    private final MediaProbe probe;

    public Reframer(FfmpegBinaries binaries) {
        this.binaries = binaries;
        this.probe = new MediaProbe(binaries);
    }

    /**
     * Writes {@code clip} reframed to {@code target} into {@code out}, replacing it.
     *
     * @return {@code out}
     * @throws MediaToolException if ffprobe or ffmpeg fails, with its stderr excerpt; nothing is left at {@code out}
     */
    public Path reframe(Path clip, Reframe target, Path out) throws InterruptedException {
        ProbeResult source = probe.probe(clip);
        Path absolute = out.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        double fps = source.fps() > 0 ? source.fps() : 24;
        long bitrate = Math.max(MIN_BITRATE, Math.min(MAX_BITRATE,
                Math.round(target.width() * (double) target.height() * fps * BITS_PER_PIXEL)));
        List<String> command = new ArrayList<>(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-loglevel",
                "error", "-nostdin", "-xerror", "-i", clip.toAbsolutePath().toString(),
                "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn",
                "-vf", target.filter(),
                "-c:v", "libopenh264", "-b:v", String.valueOf(bitrate), "-maxrate", String.valueOf(bitrate * 2),
                "-pix_fmt", "yuv420p"));
        if (source.hasAudio()) {
            command.addAll(List.of("-c:a", "aac", "-b:a", "160k"));
        }
        command.addAll(List.of("-movflags", "+faststart", "-use_editlist", "0", "-f", "mp4", "-y", part.toString()));
        try {
            Files.createDirectories(absolute.getParent());
            ToolRun.inFolder(command, absolute.getParent(), ToolRun.timeoutFor(source.durationSeconds()),
                    "ffmpeg reframe of " + clip.getFileName() + " to " + target);
            Files.move(part, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new MediaToolException("could not move the rendition " + part.getFileName() + " into place", "", e);
        } finally {
            ToolRun.deleteQuietly(part);
        }
    }
}
