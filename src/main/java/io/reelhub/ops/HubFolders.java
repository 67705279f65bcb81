package io.reelhub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folders under {@code reelhub.home} that PRODUCT.md promises users, plus the hub's private work area. Every
 * path the hub writes is resolved here, so nothing escapes the home.
 */
@Component
public class HubFolders {

    private final Path home;

    public HubFolders(@Value("${reelhub.home:./data}") String home) {
        this.home = Path.of(home).toAbsolutePath().normalize();
        for (String folder : new String[] {"inbox", "inbox/.done", "inbox/.failed", "batch", "bins", "storyboards",
                "references", "review", "outbox", "work"}) {
            create(this.home.resolve(folder));
        }
    }

    public Path home() {
        return home;
    }

    public Path inbox() {
        return home.resolve("inbox");
    }

    public Path bins() {
        return home.resolve("bins");
    }

    /** A job's private scratch folder; deleted once its outputs are delivered. */
    public Path work(String jobId) {
        Path work = inside(home.resolve("work"), jobId);
        create(work);
        return work;
    }

    /** Resolves {@code name} under {@code folder}, refusing anything that would land outside it. */
    public static Path inside(Path folder, String name) {
        Path resolved = folder.resolve(name).normalize();
        if (!resolved.startsWith(folder.normalize()) || resolved.equals(folder.normalize())) {
            throw new IllegalArgumentException("'" + name + "' would leave " + folder.getFileName());
        }
        return resolved;
    }

    private static void create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }
}
