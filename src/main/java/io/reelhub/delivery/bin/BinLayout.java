package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import java.nio.file.Path;

/**
 * Where one delivered version lives in a bins folder: {@code <bins>/<project>/<briefId>/<shot>_v<NNN>.*}.
 * The names are {@link VersionName}'s, which checks the ids they come from.
 */
record BinLayout(Path folder, String baseName) {

    static BinLayout resolve(Path binsDir, Delivery delivery) {
        VersionName name = VersionName.of(delivery);
        Path root = binsDir.toAbsolutePath().normalize();
        Path folder = root.resolve(name.project()).resolve(name.briefId()).normalize();
        // The names are checked already; this keeps the promise even if that check is ever loosened.
        if (!folder.startsWith(root) || folder.getNameCount() != root.getNameCount() + 2) {
            throw new IllegalArgumentException("bin folder " + folder + " would fall outside " + root);
        }
        return new BinLayout(folder, name.baseName());
    }

    Path clip() {
        return folder.resolve(baseName + ".mp4");
    }

    /** The ProRes mezzanine, when one is asked for. */
    Path mezzanine() {
        return folder.resolve(baseName + ".mov");
    }

    Path timeline() {
        return folder.resolve(baseName + ".otio");
    }

    Path sidecar() {
        return folder.resolve(baseName + ".reelhub.json");
    }
}
