package io.reelhub.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks scheme used by OpenAI-compatible APIs, Replicate and the Gemini API's static webhooks:
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, the key being the base64 part of a
 * {@code whsec_} secret (or the raw secret otherwise), several space-separated signatures allowed, and a timestamp
 * tolerance in both directions.
 */
public final class StandardWebhookSignature {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public StandardWebhookSignature(String secret) {
        this(secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8));
    }

    /** @param key the HMAC key itself (the decoded part of a {@code whsec_} secret) */
    public StandardWebhookSignature(byte[] key) {
        this.key = key.clone();
    }

    /** The header value for a payload, as a sender writes it. */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id, timestamp, body));
    }

    /** @throws InvalidWebhookException saying which check failed */
    public void verify(String id, String timestamp, String signatures, byte[] body, Instant now,
                       Duration tolerance) {
        if (id == null || timestamp == null || signatures == null) {
            throw new InvalidWebhookException("missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException("webhook-timestamp is not a number of seconds");
        }
        if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            throw new InvalidWebhookException("webhook-timestamp is more than " + tolerance.toSeconds()
                    + " s away from now (stale or replayed)");
        }
        byte[] expected = mac(id, sentAt, body);
        for (String candidate : signatures.trim().split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new InvalidWebhookException("no webhook-signature matches the body");
    }

    private byte[] mac(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
