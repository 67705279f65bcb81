package io.reelhub.sandbox.fal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.reelhub.sandbox.ConditionalOnSandboxEnabled;

/**
 * The sandbox's own fal webhook key, signing as fal signs: Ed25519 over {@code "{request_id}\n{user_id}\n{timestamp}\n
 * {sha256 hex of the raw body}"}, the signature in hex, the public key published as a JWKS (OKP, Ed25519, {@code x} in
 * base64url) as fal publishes its own at {@code rest.alpha.fal.ai/.well-known/jwks.json}. A new key is made at each
 * start, as after a key rotation: receivers that cache the JWKS must fetch it again when a signature does not match.
 */
@Component
@ConditionalOnSandboxEnabled
public class FalWebhookSigner {

    /** The user id fal sends in {@code X-Fal-Webhook-User-Id}: the account that submitted the request. */
    public static final String USER_ID = "sandbox-user";
    /** The DER prefix of an X.509 Ed25519 public key; the raw 32-byte key follows it. */
    private static final int X509_PREFIX = 12;

    private final KeyPair keys;
    private final String keyId = "sandbox-" + UUID.randomUUID().toString().substring(0, 8);

    public FalWebhookSigner() {
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    /** The headers of one webhook, {@code timestamp} in Unix seconds. */
    public Map<String, String> headers(String requestId, long timestamp, byte[] body) {
        return Map.of("X-Fal-Webhook-Request-Id", requestId,
                "X-Fal-Webhook-User-Id", USER_ID,
                "X-Fal-Webhook-Timestamp", Long.toString(timestamp),
                "X-Fal-Webhook-Signature", sign(requestId, USER_ID, timestamp, body));
    }

    public String sign(String requestId, String userId, long timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message(requestId, userId, Long.toString(timestamp), body));
            return HexFormat.of().formatHex(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a fal webhook", e);
        }
    }

    /** The JWKS a receiver verifies against. */
    public Map<String, Object> jwks() {
        byte[] encoded = keys.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX, encoded.length);
        return Map.of("keys", List.of(Map.of("kty", "OKP", "crv", "Ed25519", "use", "sig", "alg", "EdDSA",
                "kid", keyId, "x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw))));
    }

    /**
     * What fal signs: the ids, the timestamp and the body's SHA-256, one per line. Written here again rather than
     * taken from the hub's verifier on purpose: the sandbox stands for fal, and a shared mistake would pass unseen.
     */
    static byte[] message(String requestId, String userId, String timestamp, byte[] body) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return (requestId + "\n" + userId + "\n" + timestamp + "\n" + digest).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
