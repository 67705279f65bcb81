package io.reelhub.delivery.storyboard.shotgrid;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.delivery.http.DestinationCallException;
import io.reelhub.delivery.http.DestinationHttp;

/**
 * Access tokens of the ShotGrid REST API, one per site and script, obtained with the script's credentials
 * ({@code POST /api/v1/auth/access_token}, {@code grant_type=client_credentials}) and reused until shortly before
 * they expire, so a delivery costs one token request at most, not one per call.
 */
final class ShotGridTokens {

    /** Renewed this long before the expiry the site announced, so a token never dies mid-upload's first call. */
    private static final long MARGIN_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, Instant renewAt) {
    }

    private final DestinationHttp http;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    ShotGridTokens(DestinationHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    String token(ShotGridSettings settings, String destination) {
        String key = key(settings);
        Token token = tokens.get(key);
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return token.value();
        }
        Token fresh = request(settings, destination);
        tokens.put(key, fresh);
        return fresh.value();
    }

    /** Forgets the site's token after it was refused, so the next call authenticates afresh. */
    void forget(ShotGridSettings settings) {
        tokens.remove(key(settings));
    }

    private Token request(ShotGridSettings settings, String destination) {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.scriptName())
                + "&client_secret=" + encode(settings.scriptKey());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.siteUrl() + "/api/v1/auth/access_token"))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        JsonNode answer;
        try {
            answer = JSON.readTree(http.expectSuccess(destination, request));
        } catch (DestinationCallException e) {
            // ShotGrid answers bad script credentials with 400 "Can't authenticate script"
            if (e.status() == 400) {
                throw new DestinationCallException(e.getMessage() + " (check the script name and key)", 401);
            }
            throw e;
        } catch (IOException e) {
            throw new DestinationCallException(destination + ": the access token answer is not JSON", 0);
        }
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new DestinationCallException(destination + ": the access token answer has no access_token", 0);
        }
        long expiresIn = answer.path("expires_in").asLong(600);
        return new Token(value, clock.instant().plusSeconds(Math.max(0, expiresIn - MARGIN_SECONDS)));
    }

    private static String key(ShotGridSettings settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.scriptKey()
                    .getBytes(StandardCharsets.UTF_8));
            // the map never holds the key itself, only a digest of it
            return settings.siteUrl() + "|" + settings.scriptName() + "|" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
