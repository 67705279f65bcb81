package io.reelhub.delivery.bin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Puts files into a shared folder so that a reader never sees a partial file and a file already there is never
 * replaced. Each file is written to a hidden temporary name in the same folder, flushed to disk, and then appears
 * under its real name in one step. Public for destinations outside this package that place files the same way
 * (the concept board, the storyboard and reference folders).
 */
public final class NoOverwritePlacer {

    /** Fails if {@code entry}'s name is taken by different content; an identical file is a harmless re-delivery. */
    public void checkNoConflict(BinEntry entry) throws IOException {
        if (Files.exists(entry.target()) && !entry.sameContent().matches(entry.target())) {
            throw new DeliveredVersionConflictException(entry.target());
        }
    }

    /**
     * Places {@code entry} unless the same content is already there.
     *
     * @return true if the file was written, false if an identical file was already in place
     */
    public boolean place(BinEntry entry) throws IOException {
        Path target = entry.target();
        if (Files.exists(target)) {
            checkNoConflict(entry);
            return false;
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            entry.writer().writeTo(temp);
            // Without this, a power cut after the rename can leave the real name pointing at an empty file.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (publish(temp, target)) {
                return true;
            }
            // Another delivery of the same version got there between our check and our publish.
            checkNoConflict(entry);
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Gives {@code temp}'s content the name {@code target} atomically, never replacing an existing file.
     * A hard link fails if the name exists, which closes the gap between "check" and "move" that a rename (which
     * silently replaces on POSIX) leaves open. Where links are not supported (some SMB and FAT mounts) it falls
     * back to an atomic rename after a check.
     *
     * @return false if {@code target} already existed
     */
    private static boolean publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            if (Files.exists(target)) {
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }
}
