package io.reelhub.delivery.bin;

import java.nio.file.Path;

/**
 * A delivery found a different file already at one of its names. Delivered versions are never overwritten, so the
 * delivery stops before writing anything; a changed clip must come as a new version.
 */
public class DeliveredVersionConflictException extends IllegalStateException {

    private final transient Path file;

    public DeliveredVersionConflictException(Path file) {
        super(file + " is already delivered with different content; a delivered version is never overwritten, "
                + "so deliver the change as a new version");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
