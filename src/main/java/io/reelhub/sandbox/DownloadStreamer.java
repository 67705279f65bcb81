package io.reelhub.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import io.reelhub.sandbox.SandboxCounters.DownloadOutcome;
import io.reelhub.sandbox.SandboxFaults.DownloadShape;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * Streams an asset from disk in small chunks (never the whole file in memory), optionally slowed to a byte rate
 * or cut short on purpose, the two ways real downloads go wrong.
 */
@Component
@ConditionalOnSandboxEnabled
public class DownloadStreamer {

    private static final int CHUNK = 64 * 1024;

    /**
     * Writes {@code file} as the response body with its full {@code Content-Length}.
     *
     * @throws java.nio.file.NoSuchFileException if the file is gone; nothing has been written then
     */
    public DownloadOutcome stream(Path file, String contentType, HttpServletResponse response, DownloadShape shape)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(channel)) {
            long length = channel.size();
            long limit = shape.truncated() ? Math.min(length, shape.truncateAfterBytes()) : length;
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(contentType);
            response.setContentLengthLong(length);
            if (limit < length) {
                // Closing the connection after a short body is what a client sees when a CDN drops a transfer:
                // fewer bytes than Content-Length promised, then EOF.
                response.setHeader("Connection", "close");
            }
            long bytesPerSecond = shape.bytesPerSecond();
            byte[] buffer = new byte[bytesPerSecond > 0 ? (int) Math.max(1024, Math.min(CHUNK, bytesPerSecond / 10))
                    : CHUNK];
            long sent = 0;
            long started = System.nanoTime();
            try {
                OutputStream out = response.getOutputStream();
                while (sent < limit) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - sent));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    sent += n;
                    if (bytesPerSecond > 0) {
                        out.flush();
                        pace(started, sent, bytesPerSecond);
                    }
                }
                out.flush();
            } catch (IOException e) {
                return DownloadOutcome.ABORTED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DownloadOutcome.ABORTED;
            }
            return sent < length ? DownloadOutcome.TRUNCATED : DownloadOutcome.COMPLETE;
        }
    }

    /** Sleeps until {@code sent} bytes are due at {@code bytesPerSecond}: the emulated slow link. */
    private static void pace(long startedNanos, long sent, long bytesPerSecond) throws InterruptedException {
        long due = startedNanos + sent * 1_000_000_000L / bytesPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
