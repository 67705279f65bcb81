package io.reelhub.delivery.bin;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The bins' way of placing files, for other destinations that write to shared folders (the social outbox): each
 * file appears atomically under its name, an identical file already there is a re-delivery that writes nothing, and
 * different content at a taken name fails with {@link DeliveredVersionConflictException} instead of replacing it.
 */
public final class NoOverwriteFiles {

    private final NoOverwritePlacer placer = new NoOverwritePlacer();

    /** Fails before anything is written if {@code target} holds content other than {@code source}'s. */
    public void checkCopy(Path source, Path target) throws IOException {
        placer.checkNoConflict(copyEntry(source, target));
    }

    /** Fails before anything is written if {@code target} holds bytes other than {@code content}. */
    public void checkWrite(Path target, byte[] content) throws IOException {
        placer.checkNoConflict(BinEntry.ofBytes(target, content));
    }

    /** @return true if written, false if the same content was already there */
    public boolean copy(Path source, Path target) throws IOException {
        return placer.place(copyEntry(source, target));
    }

    /** @return true if written, false if the same bytes were already there */
    public boolean write(Path target, byte[] content) throws IOException {
        return placer.place(BinEntry.ofBytes(target, content));
    }

    private static BinEntry copyEntry(Path source, Path target) throws IOException {
        FileDigest digest = FileDigest.of(source);
        return new BinEntry(target, existing -> FileDigest.of(existing).equals(digest),
                temp -> FileDigest.copy(source, temp));
    }
}
