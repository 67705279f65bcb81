package io.reelhub.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.reelhub.ops.HubFolders;

/**
 * {@code batch/} holds tonight's briefs; a run claims them into {@code batch/.runs/<date>/}, where they stay (briefs
 * are never deleted), and reports go to {@code outbox/}.
 */
@Component
class BatchFolders {

    private static final Pattern TEMPORARY = Pattern.compile("^(\\..*|~\\$.*|.*\\.(tmp|part|crdownload|swp))$");

    private final Path batch;
    private final Path outbox;

    BatchFolders(HubFolders folders) {
        this.batch = folders.home().resolve("batch");
        this.outbox = folders.home().resolve("outbox");
    }

    /** The brief files waiting in {@code batch/}, by name. */
    List<String> waiting() {
        try (Stream<Path> files = Files.list(batch)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !TEMPORARY.matcher(name).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + batch, e);
        }
    }

    /** Moves a file into its run's folder; harmless when it was moved already (a restart in between). */
    void claim(LocalDate date, String file) {
        Path target = HubFolders.inside(runFolder(date), file);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(batch.resolve(file)) && !Files.exists(target)) {
                Files.move(batch.resolve(file), target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim " + file + " for the run of " + date, e);
        }
    }

    /** The claimed brief, or the one still in {@code batch/} when the claim had not happened yet. */
    Path locate(LocalDate date, String file) {
        Path claimed = HubFolders.inside(runFolder(date), file);
        return Files.exists(claimed) ? claimed : HubFolders.inside(batch, file);
    }

    Path reportFolder(String batchName, LocalDate date) {
        return HubFolders.inside(outbox, "batch-" + batchName + "-" + date);
    }

    private Path runFolder(LocalDate date) {
        return batch.resolve(".runs").resolve(date.toString());
    }
}
