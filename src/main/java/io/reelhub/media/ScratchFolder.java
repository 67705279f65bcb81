package io.reelhub.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private folder for one media job's intermediate files, removed with everything in it when the job ends, whether
 * it succeeded or not. Made beside the output when the results are moved into place from it (a rename within one
 * file system is atomic), or in the system's temp folder for files nobody keeps.
 */
final class ScratchFolder implements AutoCloseable {

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /** A hidden folder inside {@code parent} (created if missing). */
    static ScratchFolder inside(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            return new ScratchFolder(Files.createTempDirectory(parent, "." + prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a work folder in " + parent, e);
        }
    }

    /** A folder in the system's temp folder. */
    static ScratchFolder temporary(String prefix) {
        try {
            return new ScratchFolder(Files.createTempDirectory("reelhub-" + prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary work folder", e);
        }
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(ToolRun::deleteQuietly);
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort: a leftover hidden folder is harmless and names its purpose.
        }
    }
}
