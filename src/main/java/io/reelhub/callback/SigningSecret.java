package io.reelhub.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.reelhub.ops.HubFolders;

/**
 * The key that signs callbacks. Taken from {@code reelhub.callbacks.secret} (the environment) when set; otherwise
 * generated once and kept in {@code secrets/callback-signing-secret} under the home, readable by the hub's user
 * only, so that receivers keep verifying after a restart. A {@code whsec_} secret is base64 after the prefix (the
 * Standard Webhooks form); any other text is used as its UTF-8 bytes. The secret itself is never logged.
 */
@Component
public class SigningSecret {

    static final String PREFIX = "whsec_";
    /** Shorter keys are guessable; Standard Webhooks asks for 24 to 64 random bytes. */
    static final int MIN_KEY_BYTES = 16;
    static final String FILE = "secrets/callback-signing-secret";

    private static final Logger LOG = LoggerFactory.getLogger(SigningSecret.class);

    private final byte[] key;

    @Autowired
    SigningSecret(CallbackProperties properties, HubFolders folders) {
        this(properties.secret() != null ? properties.secret() : kept(folders.home().resolve(FILE)));
    }

    SigningSecret(String secret) {
        this.key = key(secret);
    }

    /** The HMAC key bytes. */
    byte[] key() {
        return key.clone();
    }

    static byte[] key(String secret) {
        byte[] key;
        if (secret.startsWith(PREFIX)) {
            try {
                key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the callback signing secret starts with " + PREFIX
                        + " but the rest is not base64", e);
            }
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("the callback signing secret is " + key.length + " bytes long; use at"
                    + " least " + MIN_KEY_BYTES + " (whsec_ + base64 of 32 random bytes is the usual form)");
        }
        return key;
    }

    /**
     * Reads the kept secret, or generates and keeps one; a second node racing on a shared home reads the winner's.
     * Also used for other secrets the hub makes for itself (the Kling callback tokens' key).
     */
    public static String kept(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the callback signing secret in " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = PREFIX + Base64.getEncoder().encodeToString(random);
        Path folder = file.getParent();
        Files.createDirectories(folder);
        restrict(folder, "rwx------");
        Path temp = Files.createTempFile(folder, ".secret-", ".tmp");
        try {
            restrict(temp, "rw-------");
            Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
            // no REPLACE_EXISTING: a secret another node kept first is never replaced
            Files.move(temp, file);
            LOG.info("Generated a callback signing secret and kept it in {} (readable by this user only);"
                    + " give it to the receivers, or set REELHUB_CALLBACKS_SECRET to choose one", file);
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("Another process created {} first", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
