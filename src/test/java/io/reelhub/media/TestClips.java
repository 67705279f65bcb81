package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Clips with known content for the media tests: sandbox cards (ClipRenderer) and ffmpeg's own test sources
 * ({@code testsrc2}, {@code color}, {@code smptebars}) joined into hard cuts, black and frozen stretches.
 */
public final class TestClips {

    static final FfmpegBinaries BINARIES = FfmpegBinaries.shipped();

    private TestClips() {
    }

    /** A sandbox card clip, as the hub's default provider renders it. */
    static Path card(Path dir, String name, int width, int height, double seconds) throws InterruptedException {
        Path out = dir.resolve(name);
        new ClipRenderer(BINARIES).render(new ClipSpec(width, height, seconds, "SANDBOX · veo-3.1", "sh010",
                "Rain-soaked neon street in Tokyo at night, light drizzle. A woman in a red trench coat walks toward "
                        + "camera.", Map.of("comment", "reelhub-test")), out);
        return out;
    }

    /**
     * Joins lavfi sources, each {@code seconds} long, into one H.264 clip at 24 fps: {@code "testsrc2"},
     * {@code "color=c=black"}, {@code "smptebars"} (a still picture), ...
     */
    static Path joined(Path dir, String name, int width, int height, List<String> sources, List<Double> seconds)
            throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARIES.ffmpeg().toString(), "-hide_banner", "-loglevel",
                "error", "-nostdin"));
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i);
            String separator = source.contains("=") ? ":" : "=";
            command.addAll(List.of("-f", "lavfi", "-i", source + separator + "s=" + width + "x" + height
                    + ":r=24:d=" + seconds.get(i)));
            inputs.append('[').append(i).append(":v]");
        }
        command.addAll(List.of("-filter_complex", inputs + "concat=n=" + sources.size() + ":v=1:a=0,format=yuv420p",
                "-c:v", "libopenh264", "-b:v", "2M", "-movflags", "+faststart", "-y", dir.resolve(name).toString()));
        ToolRun.stdoutOf(command, Duration.ofSeconds(120), "test clip " + name);
        return dir.resolve(name);
    }

    /** A testsrc2 clip with a sine tone as AAC audio. */
    static Path withAudio(Path dir, String name, int width, int height, double seconds) throws InterruptedException {
        Path out = dir.resolve(name);
        ToolRun.stdoutOf(List.of(BINARIES.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin",
                "-f", "lavfi", "-i", "testsrc2=s=" + width + "x" + height + ":r=24:d=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:d=" + seconds,
                "-c:v", "libopenh264", "-b:v", "1M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-y", out.toString()), Duration.ofSeconds(120), "test clip " + name);
        return out;
    }

    /** The first {@code bytes} of {@code clip}: a download that broke off. */
    static Path truncated(Path clip, Path dir, String name, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(clip);
        Path out = dir.resolve(name);
        Files.write(out, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        return out;
    }

    /** A file that is no video at all. */
    static Path text(Path dir, String name) throws IOException {
        Path out = dir.resolve(name);
        Files.writeString(out, "this is not a video, just some text pretending to be one\n".repeat(20));
        return out;
    }

    /** The scratch folders the toolkit made in the system temp folder and left behind. */
    static List<Path> leftoverScratch() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().matches("reelhub-(scenes|frames)-.*")).toList();
        }
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
