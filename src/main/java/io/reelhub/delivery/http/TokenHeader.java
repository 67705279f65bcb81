package io.reelhub.delivery.http;

import java.net.http.HttpRequest;

/**
 * How a generic HTTP destination is authenticated: a token from the environment sent in a header, by default
 * {@code Authorization: Bearer <token>}; some services want {@code X-API-Key: <token>} (scheme empty). No token, no
 * header.
 */
public record TokenHeader(String name, String scheme, String token) {

    public TokenHeader {
        name = name == null || name.isBlank() ? "Authorization" : name.strip();
        scheme = scheme == null || scheme.isBlank() || scheme.strip().equalsIgnoreCase("none") ? "" : scheme.strip();
        if (!name.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("authHeader must be an HTTP header name, was '" + name + "'");
        }
    }

    static TokenHeader from(ConnectorParameters parameters) {
        return new TokenHeader(parameters.text("AuthHeader"), parameters.text("AuthScheme", "Bearer"),
                parameters.text("Token"));
    }

    public HttpRequest.Builder applyTo(HttpRequest.Builder request) {
        if (token != null && !token.isBlank()) {
            request.header(name, scheme.isEmpty() ? token.strip() : scheme + " " + token.strip());
        }
        return request;
    }

    @Override
    public String toString() {
        // never the token
        return "TokenHeader[" + name + (token == null || token.isBlank() ? ", none" : ", set") + "]";
    }
}
