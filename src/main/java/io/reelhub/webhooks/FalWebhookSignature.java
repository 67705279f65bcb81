package io.reelhub.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * fal's webhook signature: Ed25519, in hex in {@code X-Fal-Webhook-Signature}, over
 * {@code "{request id}\n{user id}\n{timestamp}\n{sha256 hex of the raw body}"} with the values of
 * {@code X-Fal-Webhook-Request-Id}, {@code -User-Id} and {@code -Timestamp} (Unix seconds), checked against every key
 * of fal's JWKS, the timestamp within a tolerance either way.
 */
final class FalWebhookSignature {

    private FalWebhookSignature() {
    }

    /**
     * Checks what can be checked without a key: every header there, the timestamp within {@code tolerance} of now.
     *
     * @throws InvalidWebhookException saying which check failed
     */
    static void checkHeaders(String requestId, String userId, String timestamp, String signature, Instant now,
                             Duration tolerance) {
        if (requestId == null || userId == null || timestamp == null || signature == null) {
            throw new InvalidWebhookException("missing X-Fal-Webhook-Request-Id, -User-Id, -Timestamp or -Signature"
                    + " header");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException("X-Fal-Webhook-Timestamp is not a number of seconds");
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            throw new InvalidWebhookException("X-Fal-Webhook-Timestamp is more than " + tolerance.toSeconds()
                    + " s away from now (stale or replayed)");
        }
        try {
            HexFormat.of().parseHex(signature.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException("X-Fal-Webhook-Signature is not hex");
        }
    }

    /** Whether one of {@code keys} made {@code signature} (headers already checked) over this webhook. */
    static boolean signedByAny(List<PublicKey> keys, String requestId, String userId, String timestamp,
                               String signature, byte[] body) {
        byte[] given = HexFormat.of().parseHex(signature.trim());
        byte[] message = message(requestId, userId, timestamp.trim(), body);
        return keys.stream().anyMatch(key -> matches(key, message, given));
    }

    static byte[] message(String requestId, String userId, String timestamp, byte[] body) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return (requestId + "\n" + userId + "\n" + timestamp + "\n" + digest).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean matches(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // a signature of the wrong length or shape is simply not a match
            return false;
        }
    }
}
