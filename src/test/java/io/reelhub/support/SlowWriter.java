package io.reelhub.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A copy over a slow share: the file appears at once and grows chunk by chunk. Returns once it is complete. */
public final class SlowWriter {

    private SlowWriter() {
    }

    public static void write(Path target, byte[] content, int chunks, Duration every) throws Exception {
        int chunk = Math.max(1, (content.length + chunks - 1) / chunks);
        AtomicInteger offset = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            ScheduledFuture<?> task = writer.scheduleAtFixedRate(() -> {
                int from = offset.get();
                if (from >= content.length) {
                    throw new IllegalStateException("complete"); // ends the schedule
                }
                try {
                    out.write(content, from, Math.min(chunk, content.length - from));
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                offset.addAndGet(chunk);
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
            try {
                task.get(every.toMillis() * (chunks + 10), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException ended) {
                if (!(ended.getCause() instanceof IllegalStateException)) {
                    throw ended;
                }
            }
        } finally {
            writer.shutdownNow();
        }
    }
}
