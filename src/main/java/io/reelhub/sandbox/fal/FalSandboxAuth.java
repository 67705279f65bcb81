package io.reelhub.sandbox.fal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * fal's {@code Authorization: Key <key>} (not Bearer). Any non-empty key passes unless
 * {@code reelhub.sandbox.fal.key} names the one to accept.
 */
class FalSandboxAuth implements HandlerInterceptor {

    private final byte[] requiredKey;

    FalSandboxAuth(String requiredKey) {
        this.requiredKey = requiredKey == null || requiredKey.isBlank() ? null
                : requiredKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean submit = "POST".equals(request.getMethod());
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Key ", 0, 4) || header.substring(4).isBlank()) {
            throw FalWire.error(401, "Missing or malformed Authorization header: expected 'Key <FAL_KEY>'",
                    "authentication_error", Map.of(), submit);
        }
        if (requiredKey != null && !MessageDigest.isEqual(requiredKey,
                header.substring(4).strip().getBytes(StandardCharsets.UTF_8))) {
            throw FalWire.error(401, "Invalid API key", "authentication_error", Map.of(), submit);
        }
        return true;
    }
}
