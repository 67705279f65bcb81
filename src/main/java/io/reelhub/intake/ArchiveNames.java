package io.reelhub.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/**
 * Names under which a processed brief is kept. Briefs are never deleted: a second {@code spot.yaml} becomes
 * {@code spot-20261125-101500.yaml} instead of replacing the first (Camel's move would delete the older one).
 * A name counts as taken when the file or its error report exists, in a folder or under an S3 prefix.
 */
public final class ArchiveNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ArchiveNames() {
    }

    static String free(Path folder, String name) {
        return free(candidate -> taken(folder, candidate), name);
    }

    /** The first of {@code name}, {@code <stem>-<stamp><ext>}, {@code <stem>-<stamp>-2<ext>}, ... not taken. */
    public static String free(Predicate<String> taken, String name) {
        if (!taken.test(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String stamped = stem + "-" + LocalDateTime.now().format(STAMP);
        String candidate = stamped + ext;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = stamped + "-" + n + ext;
        }
        return candidate;
    }

    private static boolean taken(Path folder, String name) {
        return Files.exists(folder.resolve(name)) || Files.exists(folder.resolve(name + ".error.json"));
    }
}
