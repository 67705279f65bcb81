package io.reelhub.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

import org.springframework.stereotype.Component;

/**
 * Renders a real H.264 MP4 placeholder clip: frames drawn with Java2D (this FFmpeg build has no drawtext filter)
 * are piped as raw {@code bgr24} into ffmpeg, one frame at a time, so memory stays flat whatever the length.
 * The file appears at its final path only when complete: ffmpeg writes {@code <out>.part}, which is then moved.
 */
@Component
public class ClipRenderer {

    public static final int FPS = 24;

    /** A generous ceiling: ffmpeg should finish within seconds of its input ending. */
    private static final long FINISH_TIMEOUT_SECONDS = 120;

    private final FfmpegBinaries binaries;

    public ClipRenderer(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    public void render(ClipSpec spec, Path out) throws InterruptedException {
        render(spec, out, done -> { });
    }

    /**
     * Renders {@code spec} to {@code out}, replacing an existing file.
     *
     * @param progress receives the fraction of frames handed to the encoder (0..1)
     * @throws MediaToolException   if ffmpeg fails; the message carries ffmpeg's stderr tail
     * @throws InterruptedException if the thread is interrupted; ffmpeg is killed and no file is left behind
     */
    public void render(ClipSpec spec, Path out, DoubleConsumer progress) throws InterruptedException {
        Path absolute = out.toAbsolutePath();
        Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
        createParent(absolute);
        Process process = start(command(spec, part), "render " + absolute.getFileName());
        StreamTail stderr = StreamTail.drain(process.getErrorStream(), "ffmpeg-stderr-" + process.pid());
        boolean succeeded = false;
        try {
            int frames = spec.frameCount();
            IOException pipeFailure = null;
            try (CardPainter painter = new CardPainter(spec); OutputStream stdin = process.getOutputStream()) {
                for (int i = 0; i < frames; i++) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("render of " + absolute.getFileName() + " interrupted");
                    }
                    stdin.write(painter.paint(i));
                    progress.accept((i + 1) / (double) frames);
                }
            } catch (IOException e) {
                // Usually a broken pipe: ffmpeg gave up early. Its exit code and stderr say why.
                pipeFailure = e;
            }
            if (!process.waitFor(FINISH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new MediaToolException("ffmpeg did not finish " + absolute.getFileName() + " within "
                        + FINISH_TIMEOUT_SECONDS + " s", stderr.text());
            }
            if (process.exitValue() != 0 || pipeFailure != null) {
                throw new MediaToolException("ffmpeg failed to render " + absolute.getFileName() + " (exit code "
                        + process.exitValue() + ")", stderr.text(), pipeFailure);
            }
            Files.move(part, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            succeeded = true;
        } catch (IOException e) {
            throw new MediaToolException("could not move the rendered " + part.getFileName() + " into place",
                    stderr.text(), e);
        } finally {
            if (!succeeded) {
                process.destroyForcibly();
                deleteQuietly(part);
            }
        }
    }

    private List<String> command(ClipSpec spec, Path part) {
        List<String> command = new ArrayList<>(List.of(
                binaries.ffmpeg().toString(), "-hide_banner", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-video_size", spec.width() + "x" + spec.height(),
                "-framerate", String.valueOf(FPS), "-i", "pipe:0",
                "-an", "-c:v", "libopenh264",
                // Enough bits for the card's text to stay crisp; flat backgrounds cost next to nothing anyway.
                "-b:v", String.valueOf(Math.max(500_000L, 2L * spec.width() * spec.height())),
                "-pix_fmt", "yuv420p", "-r", String.valueOf(FPS), "-movflags", "+faststart"));
        for (Map.Entry<String, String> entry : spec.metadata().entrySet()) {
            command.add("-metadata");
            command.add(entry.getKey() + "=" + entry.getValue());
        }
        // The .part suffix hides the container from ffmpeg's guess, so name it.
        command.addAll(List.of("-f", "mp4", "-y", part.toString()));
        return command;
    }

    private static Process start(List<String> command, String what) {
        try {
            return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new MediaToolException("could not start ffmpeg to " + what, "", e);
        }
    }

    private static void createParent(Path out) {
        try {
            Files.createDirectories(out.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder for " + out, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover .part is harmless: the next render of the same clip replaces it.
        }
    }
}
