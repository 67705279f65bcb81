package io.reelhub.delivery.bin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The identity of a file's bytes: its size and SHA-256. Computed while streaming, never by loading the file. */
public record FileDigest(long sizeBytes, String sha256) {

    public static FileDigest of(Path file) throws IOException {
        MessageDigest sha = newSha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                size += n;
            }
        }
        return new FileDigest(size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Copies {@code source} to a new file {@code target} (which must not exist) and digests what was copied. */
    public static FileDigest copy(Path source, Path target) throws IOException {
        MessageDigest sha = newSha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
            size = Files.copy(in, target);
        }
        return new FileDigest(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
