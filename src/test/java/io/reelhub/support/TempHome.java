package io.reelhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh {@code reelhub.home} per test class, registered through {@code @DynamicPropertySource}. */
public final class TempHome {

    private TempHome() {
    }

    public static Path create(String name) {
        try {
            return Files.createTempDirectory("reelhub-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
