package io.reelhub.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of Standard Webhooks, written from the specification and independent of the hub's code:
 * key = base64 after {@code whsec_}; expected = base64(HMAC-SHA256(key, id + "." + timestamp + "." + body));
 * accept when any space-separated {@code v1,<sig>} entry equals it (compared in constant time) and the timestamp is
 * within five minutes.
 */
final class StandardWebhooksVerifier {

    private static final long TOLERANCE_SECONDS = 300;

    private final byte[] key;

    StandardWebhooksVerifier(String secret) {
        this.key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    boolean verify(String id, String timestamp, String signatureHeader, byte[] body) throws Exception {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal(concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
        for (String entry : signatureHeader.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given = Base64.getDecoder().decode(entry.substring(comma + 1));
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
