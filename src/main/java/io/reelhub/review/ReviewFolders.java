package io.reelhub.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.ops.HubFolders;

/**
 * The layout of {@code review/}: a held job's package waits in {@code review/<name>/}; a reviewer approves or
 * rejects it by moving that folder into {@code review/approved/} or {@code review/rejected/} (or through the REST
 * API, which moves it the same way). Names are {@code <project>__<brief>__<shot>_v<NNN>}, readable in a file
 * browser and unique per generation.
 */
@Component
public class ReviewFolders {

    /** The file in every review folder that says which job it holds. */
    public static final String MANIFEST = "review.json";

    private final Path review;

    public ReviewFolders(HubFolders folders) {
        this.review = folders.home().resolve("review");
        for (Path folder : List.of(review, approved(), rejected(), staging())) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder, e);
            }
        }
    }

    public static String nameOf(Job job) {
        String shot = job.shotId() == null ? "clip" : job.shotId();
        return job.project() + "__" + job.briefId() + "__" + shot + "_" + job.versionLabel();
    }

    public Path root() {
        return review;
    }

    public Path pending(Job job) {
        return HubFolders.inside(review, nameOf(job));
    }

    public Path approved() {
        return review.resolve("approved");
    }

    public Path rejected() {
        return review.resolve("rejected");
    }

    /** Where a package is assembled before it appears, whole, in {@code review/}. Hidden from reviewers. */
    Path staging() {
        return review.resolve(".staging");
    }

    /** The job's package wherever a reviewer left it: waiting, approved or rejected. */
    public Optional<Path> find(Job job) {
        String name = nameOf(job);
        for (Path parent : List.of(review, approved(), rejected())) {
            Path candidate = parent.resolve(name);
            if (Files.isRegularFile(candidate.resolve(MANIFEST))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The files of a package, its manifest left out, in name order. */
    public static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(MANIFEST))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Package folders directly under {@code parent} (a reviewer's decision folder). */
    static List<Path> packagesIn(Path parent) {
        List<Path> packages = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            entries.filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).sorted().forEach(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
        return packages;
    }
}
