package io.reelhub.delivery.storyboard;

import java.nio.file.Path;

/** One file of a package on its way to a destination: the name it gets there and where its bytes are now. */
public record PackageFile(String name, Path source) {

    public static PackageFile of(Path source) {
        return new PackageFile(source.getFileName().toString(), source);
    }
}
