package io.reelhub.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.reelhub.dispatch.ProviderException.Kind;

/**
 * Streams one provider output to disk: written to {@code <target>.part} and renamed only when every byte the
 * provider announced has arrived, so a target file is complete or absent. A short body is a transient failure (the
 * pump downloads again); it never re-runs the paid generation.
 */
public final class FileDownload {

    private FileDownload() {
    }

    /**
     * Writes a 200 body to {@code <target>.part} and moves it into place only when every announced byte arrived
     * ({@code expected} is the Content-Length, -1 when none was sent); the one place every protocol's download ends.
     */
    public static long save(InputStream body, long expected, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            long written;
            try (OutputStream out = Files.newOutputStream(part)) {
                written = body.transferTo(out);
            }
            if (expected >= 0 && written != expected) {
                throw new ProviderException(Kind.TRANSIENT, 200,
                        "download truncated: got " + written + " of " + expected + " bytes");
            }
            if (written == 0) {
                throw new ProviderException(Kind.TRANSIENT, 200, "download answered an empty body");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            deleteQuietly(part);
        }
    }

    /** A transfer that broke off: retried as a download. */
    public static ProviderException interrupted(IOException e) {
        return new ProviderException(Kind.TRANSIENT, 0, "download interrupted: " + e.getMessage(), null, e);
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover .part is harmless: the next attempt overwrites it
        }
    }
}
