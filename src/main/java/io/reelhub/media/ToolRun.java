package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg or ffprobe to completion for a bounded job (a probe, a still, a scan, a rendition): stdout goes to a
 * temporary file or nowhere so neither pipe can fill up and block the child, stderr is drained into an excerpt, and a
 * child that outlives its timeout is killed.
 */
final class ToolRun {

    /** Time every job gets whatever the clip: starting the tool and opening the file. */
    private static final Duration BASE_TIMEOUT = Duration.ofSeconds(60);
    /** Time added per second of clip for jobs that decode it all; far above 1080p on two shared cores. */
    private static final Duration PER_CLIP_SECOND = Duration.ofSeconds(10);

    private ToolRun() {
    }

    /** Runs {@code command} and returns what it wrote to stdout; {@code what} names the job in error messages. */
    static byte[] stdoutOf(List<String> command, Duration timeout, String what) throws InterruptedException {
        Path stdout = null;
        try {
            stdout = Files.createTempFile("reelhub-tool-", ".out");
            run(new ProcessBuilder(command).redirectOutput(stdout.toFile()), timeout, what);
            return Files.readAllBytes(stdout);
        } catch (IOException e) {
            throw new MediaToolException(what + " could not run", "", e);
        } finally {
            deleteQuietly(stdout);
        }
    }

    /**
     * Runs {@code command} in {@code workDir}, discarding stdout. Filters that write files ({@code metadata=...:file=})
     * are given bare file names relative to it, which spares escaping a path inside a filter graph.
     */
    static void inFolder(List<String> command, Path workDir, Duration timeout, String what)
            throws InterruptedException {
        run(new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD),
                timeout, what);
    }

    /** How long a job that decodes a whole clip of {@code clipSeconds} may run before it is killed. */
    static Duration timeoutFor(double clipSeconds) {
        long perSecond = (long) Math.ceil(Math.max(0, clipSeconds)) * PER_CLIP_SECOND.toSeconds();
        return BASE_TIMEOUT.plusSeconds(perSecond);
    }

    private static void run(ProcessBuilder builder, Duration timeout, String what) throws InterruptedException {
        Process process = null;
        try {
            process = builder.start();
            StreamTail stderr = StreamTail.drain(process.getErrorStream(), "tool-stderr-" + process.pid());
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MediaToolException(what + " did not finish within " + timeout.toSeconds() + " s",
                        stderr.text());
            }
            if (process.exitValue() != 0) {
                throw new MediaToolException(what + " failed (exit code " + process.exitValue() + ")", stderr.text());
            }
        } catch (IOException e) {
            throw new MediaToolException(what + " could not run", "", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A stray temp file is not worth failing the job for.
        }
    }
}
