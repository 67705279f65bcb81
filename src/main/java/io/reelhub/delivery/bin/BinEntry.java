package io.reelhub.delivery.bin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One file of a delivered version before it is placed: where it goes, how to tell whether a file already there is
 * this same content (a re-delivery), and how to write it to a fresh temporary file.
 */
public record BinEntry(Path target, ContentCheck sameContent, ContentWriter writer) {

    @FunctionalInterface
    public interface ContentCheck {
        boolean matches(Path existing) throws IOException;
    }

    /** Writes the content to {@code temp}, which does not exist yet. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(Path temp) throws IOException;
    }

    /** A small generated file whose bytes are known up front and must match exactly. */
    public static BinEntry ofBytes(Path target, byte[] content) {
        return ofBytes(target, content, existing -> Arrays.equals(Files.readAllBytes(existing), content));
    }

    /** A small generated file whose bytes are known up front, with its own idea of "same content". */
    public static BinEntry ofBytes(Path target, byte[] content, ContentCheck sameContent) {
        return new BinEntry(target, sameContent, temp -> Files.write(temp, content, StandardOpenOption.CREATE_NEW));
    }

    /**
     * A copy of {@code source}, whose digest was taken before anything was written (the sidecar or manifest records
     * it): a file already at the target with that digest is this delivery's, and a source that changed while it was
     * being copied fails the copy, so a delivered folder holds exactly the bytes its lineage describes.
     */
    public static BinEntry copyOf(Path source, Path target, FileDigest expected) {
        return new BinEntry(target, existing -> FileDigest.of(existing).equals(expected), temp -> {
            FileDigest copied = FileDigest.copy(source, temp);
            if (!copied.equals(expected)) {
                throw new IOException(source + " changed while it was being delivered (sha256 " + expected.sha256()
                        + " before, " + copied.sha256() + " copied)");
            }
        });
    }
}
