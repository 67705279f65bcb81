package io.reelhub.delivery.bin;

import java.util.regex.Pattern;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;

/**
 * The names one delivered version gets at every destination: the folders {@code <project>/<briefId>/} and the file
 * stem {@code <shot>_v<NNN>}. The ids come from briefs, that is from outside, so they are checked before they
 * become folder names, file names or S3 keys.
 *
 * @param baseName the file stem, e.g. {@code sh010_v001}
 */
public record VersionName(String project, String briefId, String baseName) {

    // No leading dot: ".." must never climb, and dot-files are hidden from editors and used for our temp files.
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[a-z0-9_-][a-z0-9._-]*");

    /** @throws IllegalArgumentException if an id cannot safely name a folder or file */
    public static VersionName of(Delivery delivery) {
        String project = segment("project", delivery.project());
        String briefId = segment("brief id", delivery.briefId());
        String shot = segment("shot id", delivery.shotId());
        if (delivery.version() < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + delivery.version());
        }
        return new VersionName(project, briefId, shot + "_" + Lineage.versionLabel(delivery.version()));
    }

    private static String segment(String field, String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' cannot name a bin folder or file: use "
                    + "lower-case letters, digits, '.', '_' and '-', not starting with '.'");
        }
        return value;
    }
}
