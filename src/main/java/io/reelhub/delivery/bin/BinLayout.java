package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where one delivered version lives in a bins folder: {@code <bins>/<project>/<briefId>/<shot>_v<NNN>.*}.
 * The ids come from briefs, that is from outside, so they are checked before they become path segments.
 */
record BinLayout(Path folder, String baseName) {

    // No leading dot: ".." must never climb, and dot-files are hidden from editors and used for our temp files.
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[a-z0-9_-][a-z0-9._-]*");

    static BinLayout resolve(Path binsDir, Delivery delivery) {
        String project = segment("project", delivery.project());
        String briefId = segment("brief id", delivery.briefId());
        String shot = segment("shot id", delivery.shotId());
        if (delivery.version() < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + delivery.version());
        }
        Path root = binsDir.toAbsolutePath().normalize();
        Path folder = root.resolve(project).resolve(briefId).normalize();
        // The pattern already rules out escapes; this keeps the promise even if the pattern is ever loosened.
        if (!folder.startsWith(root) || folder.getNameCount() != root.getNameCount() + 2) {
            throw new IllegalArgumentException("bin folder " + folder + " would fall outside " + root);
        }
        return new BinLayout(folder, shot + "_" + Lineage.versionLabel(delivery.version()));
    }

    private static String segment(String field, String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' cannot name a bin folder or file: use "
                    + "lower-case letters, digits, '.', '_' and '-', not starting with '.'");
        }
        return value;
    }

    Path clip() {
        return folder.resolve(baseName + ".mp4");
    }

    Path timeline() {
        return folder.resolve(baseName + ".otio");
    }

    Path sidecar() {
        return folder.resolve(baseName + ".reelhub.json");
    }
}
