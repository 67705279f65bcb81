package io.reelhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Drains a child process's stream on its own thread and keeps only the last bytes. A child whose stderr is not read
 * blocks as soon as the pipe buffer (64 KiB) is full, and ffmpeg can be chatty; the tail is what an error report
 * needs.
 */
final class StreamTail {

    private final byte[] ring;
    private final Thread drainer;
    private long written;

    private StreamTail(InputStream in, int capacity, String threadName) {
        this.ring = new byte[capacity];
        this.drainer = new Thread(() -> drain(in), threadName);
        this.drainer.setDaemon(true);
        this.drainer.start();
    }

    static StreamTail drain(InputStream in, String threadName) {
        return new StreamTail(in, 8 * 1024, threadName);
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException ignored) {
            // The process went away; whatever arrived before is the excerpt.
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (written++ % ring.length)] = buffer[i];
        }
    }

    /** The tail collected so far, after giving the drainer a moment to reach the end of the stream. */
    String text() {
        try {
            drainer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            int size = (int) Math.min(written, ring.length);
            byte[] out = new byte[size];
            long start = written - size;
            for (int i = 0; i < size; i++) {
                out[i] = ring[(int) ((start + i) % ring.length)];
            }
            String text = new String(out, StandardCharsets.UTF_8);
            return written > ring.length ? "…" + text.substring(Math.min(text.length(), text.indexOf('\n') + 1)) : text;
        }
    }
}
