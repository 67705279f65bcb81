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
}
