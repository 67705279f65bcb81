package io.reelhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class FalWebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"request_id\":\"req-1\",\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair fal = keys();
    private final KeyPair rotated = keys();

    @Test
    void aSignatureByAnyKeyOfTheJwksOverTheDocumentedMessageIsAccepted() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(fal, "req-1", "user-9", ts, BODY);
        // the keys as a JWKS gives them: the raw 32 bytes of x
        PublicKey fromJwks = FalJwks.publicKey(raw(fal.getPublic()));

        FalWebhookSignature.checkHeaders("req-1", "user-9", ts, signature, NOW, TOLERANCE);
        assertThat(FalWebhookSignature.signedByAny(List.of(rotated.getPublic(), fromJwks), "req-1", "user-9", ts,
                signature, BODY)).isTrue();
        assertThat(new String(FalWebhookSignature.message("req-1", "user-9", ts, BODY), StandardCharsets.UTF_8))
                .matches("req-1\nuser-9\n" + ts + "\n[0-9a-f]{64}");
    }

    @Test
    void anotherBodyAnotherRequestOrAnotherKeyDoesNotMatch() throws Exception {
        String ts = Long.toString(NOW.getEpochSecond());
        String signature = sign(fal, "req-1", "user-9", ts, BODY);

        assertThat(FalWebhookSignature.signedByAny(List.of(fal.getPublic()), "req-1", "user-9", ts, signature,
                "{\"status\":\"ERROR\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(FalWebhookSignature.signedByAny(List.of(fal.getPublic()), "req-2", "user-9", ts, signature, BODY))
                .isFalse();
        assertThat(FalWebhookSignature.signedByAny(List.of(rotated.getPublic()), "req-1", "user-9", ts, signature,
                BODY)).isFalse();
        assertThat(FalWebhookSignature.signedByAny(List.of(fal.getPublic()), "req-1", "user-9", ts, "abcd", BODY))
                .isFalse();
    }

    @Test
    void missingHeadersStaleOrFutureTimestampsAndNonHexSignaturesAreRefusedBeforeAnyKeyIsTried() {
        String ts = Long.toString(NOW.getEpochSecond());
        assertThatThrownBy(() -> FalWebhookSignature.checkHeaders("req-1", null, ts, "ab", NOW, TOLERANCE))
                .isInstanceOf(InvalidWebhookException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> FalWebhookSignature.checkHeaders("req-1", "u", Long.toString(NOW.getEpochSecond()
                - 301), "ab", NOW, TOLERANCE)).hasMessageContaining("stale or replayed");
        assertThatThrownBy(() -> FalWebhookSignature.checkHeaders("req-1", "u", Long.toString(NOW.getEpochSecond()
                + 301), "ab", NOW, TOLERANCE)).hasMessageContaining("stale or replayed");
        assertThatThrownBy(() -> FalWebhookSignature.checkHeaders("req-1", "u", "yesterday", "ab", NOW, TOLERANCE))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> FalWebhookSignature.checkHeaders("req-1", "u", ts, "zz-not-hex", NOW, TOLERANCE))
                .hasMessageContaining("not hex");
    }

    private static String sign(KeyPair keys, String requestId, String userId, String ts, byte[] body)
            throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(FalWebhookSignature.message(requestId, userId, ts, body));
        return HexFormat.of().formatHex(signer.sign());
    }

    private static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
