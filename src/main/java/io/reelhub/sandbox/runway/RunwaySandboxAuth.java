package io.reelhub.sandbox.runway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runway's bearer key plus the {@code X-Runway-Version} header it requires on every call. Any non-empty key passes
 * unless {@code reelhub.sandbox.runway.api-key} names the one to accept.
 */
class RunwaySandboxAuth implements HandlerInterceptor {

    private final byte[] requiredKey;

    RunwaySandboxAuth(String requiredKey) {
        this.requiredKey = requiredKey == null || requiredKey.isBlank() ? null
                : requiredKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean submit = "POST".equals(request.getMethod());
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : "";
        if (token.isEmpty() || requiredKey != null
                && !MessageDigest.isEqual(requiredKey, token.getBytes(StandardCharsets.UTF_8))) {
            throw RunwayWire.error(401, "Incorrect or missing API key", Map.of(), submit);
        }
        String version = request.getHeader("X-Runway-Version");
        if (version == null || version.isBlank()) {
            throw RunwayWire.error(400, "The X-Runway-Version header is required (current version "
                    + RunwayWire.API_VERSION + ")", Map.of(), submit);
        }
        if (!RunwayWire.API_VERSION.equals(version)) {
            throw RunwayWire.error(400, "Unsupported X-Runway-Version '" + version + "'", Map.of(), submit);
        }
        return true;
    }
}
