package io.reelhub.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.reelhub.ops.HubFolders;

/**
 * Places an image that came with a brief under {@code references/<project>/<brief>/}, keeping its original name.
 * A name that is taken by other content gets {@code -2}, {@code -3} before its extension, so nothing is overwritten;
 * the same content under the same name (a mail processed again) is found, not copied twice.
 */
final class ReferenceImages {

    private final Path references;

    ReferenceImages(Path references) {
        this.references = references;
    }

    /** @return the stored file */
    Path store(String project, String briefId, MailParts.Image image) throws IOException {
        Path folder = HubFolders.inside(HubFolders.inside(references, project), briefId);
        Files.createDirectories(folder);
        String name = safeName(image.name());
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path target = HubFolders.inside(folder, n == 1 ? name : stem + "-" + n + extension);
            if (Files.exists(target)) {
                if (Files.size(target) == image.size() && image.sha256().equals(sha256(target))) {
                    return target;
                }
                continue;
            }
            try {
                link(image.file(), target);
                return target;
            } catch (FileAlreadyExistsException raced) {
                // another brief of the same mail took the name a moment ago: try the next one
            }
        }
    }

    /** A hard link when the work file is on the same file system (no second copy on disk), a copy otherwise. */
    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException taken) {
            throw taken;
        } catch (UnsupportedOperationException | IOException notLinkable) {
            Files.copy(source, target);
        }
    }

    /** The attachment's name as a file name: no folders, no control characters, no leading dot. */
    static String safeName(String name) {
        String safe = name.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_").replaceAll("^[.\\s]+", "").trim();
        if (safe.length() > 200) {
            int dot = safe.lastIndexOf('.');
            String extension = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, 200 - extension.length()) + extension;
        }
        return safe.isEmpty() ? "image" : safe;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
