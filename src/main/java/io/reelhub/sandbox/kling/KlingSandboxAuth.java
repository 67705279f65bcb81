package io.reelhub.sandbox.kling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelhub.sandbox.WireJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Kling's bearer JWT, checked as Kling does: HS256, {@code nbf} not in the future (1003), {@code exp} not past
 * (1004). With {@code reelhub.sandbox.kling.secret-key} set, the signature (and {@code iss} against the access key,
 * when that is set) must match too; without it, any well-formed, current token passes.
 */
class KlingSandboxAuth implements HandlerInterceptor {

    private final String accessKey;
    private final byte[] secretKey;

    KlingSandboxAuth(String accessKey, String secretKey) {
        this.accessKey = accessKey == null || accessKey.isBlank() ? null : accessKey;
        this.secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean submit = "POST".equals(request.getMethod());
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw KlingWire.error(401, 1001, "Authorization is empty", submit);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw KlingWire.error(401, 1002, "Authorization is invalid: expected Bearer <JWT>", submit);
        }
        String[] parts = header.substring(7).strip().split("\\.");
        JsonNode head;
        JsonNode claims;
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            head = WireJson.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = WireJson.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw KlingWire.error(401, 1002, "Authorization is invalid: the token is not a JWT", submit);
        }
        if (!"HS256".equals(head.path("alg").asText())) {
            throw KlingWire.error(401, 1002, "Authorization is invalid: alg must be HS256", submit);
        }
        if (secretKey != null && !signatureMatches(parts)) {
            throw KlingWire.error(401, 1000, "Authentication failed: signature mismatch", submit);
        }
        if (accessKey != null && !accessKey.equals(claims.path("iss").asText())) {
            throw KlingWire.error(401, 1000, "Authentication failed: unknown access key", submit);
        }
        long now = Instant.now().getEpochSecond();
        if (claims.path("nbf").isNumber() && claims.path("nbf").asLong() > now) {
            throw KlingWire.error(401, 1003, "Authorization is not yet valid", submit);
        }
        if (!claims.path("exp").isNumber() || claims.path("exp").asLong() <= now) {
            throw KlingWire.error(401, 1004, "Authorization has expired", submit);
        }
        return true;
    }

    private boolean signatureMatches(String[] parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
