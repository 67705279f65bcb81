package io.reelhub.delivery.storyboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoot;
import io.reelhub.delivery.Lineage;
import io.reelhub.delivery.bin.BinEntry;
import io.reelhub.delivery.bin.FileDigest;
import io.reelhub.delivery.bin.NoOverwritePlacer;
import io.reelhub.delivery.bin.VersionName;

/**
 * Writes a package into {@code <root>/<project>/<briefId>/v<NNN>/} the way the editing bin writes clips: each file
 * appears atomically under its name, an identical file already there is a re-delivery that succeeds without
 * writing, different content at a delivered name fails before anything is written, and the manifest comes last,
 * so its presence means the shot's files are complete. The shots of one brief version share the folder; files
 * they have in common (the shot list) are written by the first and found identical by the others.
 */
public final class PackageFolder {

    private final NoOverwritePlacer placer = new NoOverwritePlacer();

    private final Clock clock;

    public PackageFolder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param root      the storyboards or references folder; it must exist, so an unmounted share fails instead of
     *                  filling a local disk
     * @param setting   the kamelet property naming {@code root}, for messages
     * @return the paths of the files and, last, the manifest
     */
    public List<String> write(Path root, String setting, Delivery delivery, PackageContents contents)
            throws IOException {
        Path folder = versionFolder(root, delivery);
        DeliveryRoot.existing(root.toString(), setting, "the " + setting + " folder");
        List<BinEntry> entries = new ArrayList<>();
        List<FileDigest> digests = new ArrayList<>();
        for (PackageFile file : contents.files()) {
            FileDigest digest = FileDigest.of(file.source());
            digests.add(digest);
            entries.add(BinEntry.copyOf(file.source(), folder.resolve(file.name()), digest));
        }
        PackageManifest manifest = PackageManifest.of(delivery, contents, digests,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        entries.add(BinEntry.ofBytes(folder.resolve(StoryboardNames.manifest(delivery.shotId())), manifest.toJson(),
                manifest::describesSameDeliveryAs));
        // Every name is checked before anything is written, so a conflict leaves the folder as it was.
        for (BinEntry entry : entries) {
            placer.checkNoConflict(entry);
        }
        Files.createDirectories(folder);
        for (BinEntry entry : entries) {
            placer.place(entry);
        }
        return entries.stream().map(entry -> entry.target().toString()).toList();
    }

    /** {@code <root>/<project>/<briefId>/v<NNN>}, the ids checked before they become folder names. */
    public static Path versionFolder(Path root, Delivery delivery) {
        VersionName name = VersionName.of(delivery);
        Path base = root.toAbsolutePath().normalize();
        Path folder = base.resolve(name.project()).resolve(name.briefId())
                .resolve(Lineage.versionLabel(delivery.version())).normalize();
        if (!folder.startsWith(base) || folder.getNameCount() != base.getNameCount() + 3) {
            throw new IllegalArgumentException("package folder " + folder + " would fall outside " + base);
        }
        return folder;
    }
}
