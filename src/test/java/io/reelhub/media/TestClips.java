package io.reelhub.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Small real clips made with the shipped ffmpeg, for tests that need picture and sound. */
public final class TestClips {

    private TestClips() {
    }

    /** An H.264 + AAC MP4 of a test pattern and a tone, {@code seconds} long at {@code fps}. */
    public static Path withAudio(FfmpegBinaries binaries, Path out, int width, int height, String fps,
                                 double seconds) throws Exception {
        Files.createDirectories(out.toAbsolutePath().getParent());
        ToolRun.stdoutOf(List.of(binaries.ffmpeg().toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + fps,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(seconds), "-c:v", "libopenh264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-ac", "2", "-movflags", "+faststart", "-y", out.toString()),
                Duration.ofSeconds(60), "test clip " + out.getFileName());
        return out;
    }

    /** What ffprobe says about one stream field, e.g. {@code stream=codec_name} of {@code a:0}. */
    public static String streamField(FfmpegBinaries binaries, Path file, String stream, String field)
            throws Exception {
        return new String(ToolRun.stdoutOf(List.of(binaries.ffprobe().toString(), "-v", "error",
                "-select_streams", stream, "-show_entries", "stream=" + field, "-of", "default=nw=1:nk=1",
                file.toString()), Duration.ofSeconds(30), "ffprobe of " + file.getFileName())).strip();
    }
}
