package io.reelhub.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Bearer authentication as OpenAI does it, plus the {@code x-request-id} header clients log. Any non-empty key
 * passes unless {@code reelhub.sandbox.api-key} names the one key to accept.
 */
class SandboxAuth implements HandlerInterceptor {

    private final byte[] requiredKey;

    SandboxAuth(SandboxProperties properties) {
        this.requiredKey = properties.apiKey() == null ? null : properties.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        response.setHeader("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : "";
        if (token.isEmpty()) {
            throw SandboxApiException.unauthorized(null, "You didn't provide an API key. You need to provide your API "
                    + "key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
        // Constant-time compare; and the key is never echoed back, not even masked.
        if (requiredKey != null && !MessageDigest.isEqual(requiredKey, token.getBytes(StandardCharsets.UTF_8))) {
            throw SandboxApiException.unauthorized("invalid_api_key", "Incorrect API key provided.");
        }
        return true;
    }
}
