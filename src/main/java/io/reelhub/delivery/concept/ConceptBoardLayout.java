package io.reelhub.delivery.concept;

import java.nio.file.Path;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import io.reelhub.delivery.bin.VersionName;

/**
 * Where one variation lives on the concept board: {@code <outbox>/<project>/<briefId>/v<NNN>/<variation>.*}. A
 * version is a folder, so the takes of one brief version sit together and a later version never mixes with them.
 * The ids are checked by {@link VersionName} before they become names.
 *
 * @param variation the shot id of the variation, e.g. {@code var01}
 */
record ConceptBoardLayout(Path folder, String variation) {

    static final String THUMBNAIL_EXTENSION = ".jpg";

    static ConceptBoardLayout resolve(Path outbox, Delivery delivery) {
        VersionName name = VersionName.of(delivery);
        Path root = outbox.toAbsolutePath().normalize();
        Path folder = root.resolve(name.project()).resolve(name.briefId())
                .resolve(Lineage.versionLabel(delivery.version())).normalize();
        // The names are checked already; this keeps the promise even if that check is ever loosened.
        if (!folder.startsWith(root) || folder.getNameCount() != root.getNameCount() + 3) {
            throw new IllegalArgumentException("concept board folder " + folder + " would fall outside " + root);
        }
        return new ConceptBoardLayout(folder, delivery.shotId());
    }

    Path clip() {
        return folder.resolve(variation + ".mp4");
    }

    Path thumbnail() {
        return folder.resolve(variation + THUMBNAIL_EXTENSION);
    }

    Path sidecar() {
        return folder.resolve(variation + ".reelhub.json");
    }
}
