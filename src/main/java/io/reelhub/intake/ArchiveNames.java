package io.reelhub.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Names under which a processed brief is kept. Briefs are never deleted: a second {@code spot.yaml} becomes
 * {@code spot-20261125-101500.yaml} instead of replacing the first (Camel's move would delete the older one).
 */
final class ArchiveNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ArchiveNames() {
    }

    static String free(Path folder, String name) {
        if (!taken(folder, name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String stamped = stem + "-" + LocalDateTime.now().format(STAMP);
        String candidate = stamped + ext;
        for (int n = 2; taken(folder, candidate); n++) {
            candidate = stamped + "-" + n + ext;
        }
        return candidate;
    }

    private static boolean taken(Path folder, String name) {
        return Files.exists(folder.resolve(name)) || Files.exists(folder.resolve(name + ".error.json"));
    }
}
