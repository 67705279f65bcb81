package io.reelhub.delivery.storyboard;

import java.util.List;

/**
 * What a package destination writes, whatever the package: the files under their names at the destination (the
 * manifest is added after them), which of them are keyframes, and what kind of package it is.
 *
 * @param kind {@code storyboard} or {@code reference}, as the manifest says
 */
public record PackageContents(String kind, List<PackagedFrame> keyframes, List<PackageFile> files) {

    public PackageContents {
        keyframes = List.copyOf(keyframes);
        files = List.copyOf(files);
    }
}
