package io.reelhub.dispatch.kling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kling's bearer token: an HS256 JWT with {@code iss} = access key, {@code exp} = now + 30 min and {@code nbf} =
 * now - 5 s, signed with the secret key. One token is shared by every call and minted again {@link #RENEW_BEFORE}
 * before it expires, so no request ever carries a token about to lapse (Kling answers 1004 to an expired one).
 */
public final class KlingJwt {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accessKey;
    private final SecretKeySpec secret;
    private final Clock clock;
    private String token;
    private Instant expiresAt;

    public KlingJwt(String accessKey, String secretKey, Clock clock) {
        this.accessKey = accessKey;
        this.secret = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** The current token, minted anew when none is held or the held one is within its renewal window. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expiresAt.minus(RENEW_BEFORE))) {
            expiresAt = now.plus(LIFETIME);
            token = mint(now, expiresAt);
        }
        return token;
    }

    /** Forgets the held token (Kling said it expired, or is not valid yet): the next call mints a new one. */
    public synchronized void invalidate() {
        token = null;
    }

    private String mint(Instant now, Instant exp) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", accessKey);
        payload.put("exp", exp.getEpochSecond());
        payload.put("nbf", now.minus(CLOCK_SKEW).getEpochSecond());
        String signingInput = encode(header) + "." + encode(payload);
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] sign(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String encode(Map<String, Object> part) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(part));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
