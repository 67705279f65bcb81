package io.reelhub.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A brief as received over HTTP, within the size limit.
 *
 * @param content the body's bytes
 * @param format  {@code yaml} or {@code json}, from the Content-Type
 * @param sha256  hex SHA-256 of the content: what an Idempotency-Key is bound to
 */
record BriefBody(byte[] content, String format, String sha256) {

    static BriefBody of(byte[] content, String format) {
        try {
            return new BriefBody(content, format,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The name the brief goes through intake under. A brief without an id gets one from it, and it is derived from
     * the content, so the same body posted twice is the same brief (a duplicate, never a second generation).
     */
    String fileName() {
        return "brief-" + sha256.substring(0, 12) + "." + format;
    }
}
