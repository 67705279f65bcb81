package io.reelhub.delivery;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folder a folder-writing destination delivers into, as its kamelet property gives it. It must be set, because a
 * blank folder would resolve to the working directory and scatter files wherever the hub was started; and it must
 * already exist, so that an unmounted share fails the delivery instead of filling a local disk.
 */
public final class DeliveryRoot {

    private DeliveryRoot() {
    }

    /**
     * @param value   the property's value
     * @param setting the kamelet property naming it, e.g. {@code binsDir}
     * @param what    what it is, for messages, e.g. {@code the bins folder}
     * @throws IllegalArgumentException if it is not set
     * @throws NoSuchFileException      if it is not an existing folder
     */
    public static Path existing(String value, String setting, String what) throws NoSuchFileException {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required: " + what + " to deliver into");
        }
        Path root = Path.of(value.strip());
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(value, null, what + " does not exist (is its share mounted?)");
        }
        return root;
    }
}
