package io.reelhub.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg or ffprobe to completion for a short, bounded job (a probe, a still): stdout goes to a temporary file
 * so neither pipe can fill up and block the child, stderr is drained into an excerpt, and a child that outlives
 * its timeout is killed.
 */
final class ToolRun {

    private ToolRun() {
    }

    /** Runs {@code command} and returns what it wrote to stdout; {@code what} names the job in error messages. */
    static byte[] stdoutOf(List<String> command, Duration timeout, String what) throws InterruptedException {
        Path stdout = null;
        Process process = null;
        try {
            stdout = Files.createTempFile("reelhub-tool-", ".out");
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
            StreamTail stderr = StreamTail.drain(process.getErrorStream(), "tool-stderr-" + process.pid());
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MediaToolException(what + " did not finish within " + timeout.toSeconds() + " s",
                        stderr.text());
            }
            if (process.exitValue() != 0) {
                throw new MediaToolException(what + " failed (exit code " + process.exitValue() + ")", stderr.text());
            }
            return Files.readAllBytes(stdout);
        } catch (IOException e) {
            throw new MediaToolException(what + " could not run", "", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (stdout != null) {
                try {
                    Files.deleteIfExists(stdout);
                } catch (IOException ignored) {
                    // A stray temp file in java.io.tmpdir is not worth failing the job for.
                }
            }
        }
    }
}
