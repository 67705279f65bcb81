package io.reelhub.webhooks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.dispatch.LocalServer;
import io.reelhub.dispatch.ProviderCalls;
import io.reelhub.dispatch.ProviderHttp;

/**
 * fal's webhook keys: the JWKS at {@code reelhub.webhooks.fal.jwks-url} (OKP / Ed25519 keys, {@code x} in base64url),
 * fetched on first use and kept for {@code jwks-cache-for}; fetched again early when a signature matches none of
 * the kept keys (fal rotated its key), at most once per {@code jwks-refetch}.
 */
@Component
class FalJwks {

    private static final Logger LOG = LoggerFactory.getLogger(FalJwks.class);
    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the 32 raw key bytes follow it. */
    private static final byte[] X509_ED25519 = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
            0x00};

    private final Supplier<String> url;
    private final ProviderCalls calls;
    private final WebhookProperties.Fal settings;
    private final Clock clock;
    private List<PublicKey> keys = List.of();
    private Instant fetchedAt;

    FalJwks(WebhookProperties properties, LocalServer local, ProviderHttp http, ObjectMapper json, Clock clock) {
        this.settings = properties.fal();
        this.url = local.baseUrl(settings.jwksUrl());
        this.calls = new ProviderCalls("fal", http, json);
        this.clock = clock;
    }

    /** The keys to verify with: the kept ones while fresh, else fetched now. */
    synchronized List<PublicKey> keys() {
        if (fetchedAt == null || clock.instant().isAfter(fetchedAt.plus(settings.jwksCacheFor()))) {
            fetch();
        }
        return keys;
    }

    /** Fetches the keys again unless that was done moments ago; true when there are new keys to try. */
    synchronized boolean refetch() {
        if (fetchedAt != null && clock.instant().isBefore(fetchedAt.plus(settings.jwksRefetch()))) {
            return false;
        }
        List<PublicKey> before = keys;
        fetch();
        return !keys.equals(before);
    }

    private void fetch() {
        JsonNode jwks = calls.json(HttpRequest.newBuilder(URI.create(url.get())).timeout(calls.timeout())
                .header("User-Agent", "ReelHub").GET().build(), "fal JWKS");
        List<PublicKey> read = new ArrayList<>();
        for (JsonNode key : jwks.path("keys")) {
            if ("OKP".equals(key.path("kty").asText()) && "Ed25519".equals(key.path("crv").asText())) {
                try {
                    read.add(publicKey(Base64.getUrlDecoder().decode(key.path("x").asText())));
                } catch (IllegalArgumentException | GeneralSecurityException e) {
                    LOG.warn("Skipped an unreadable key in fal's JWKS: {}", e.toString());
                }
            }
        }
        keys = List.copyOf(read);
        fetchedAt = clock.instant();
        if (keys.isEmpty()) {
            LOG.warn("fal's JWKS at {} holds no Ed25519 key: every fal webhook will be refused", url.get());
        }
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new GeneralSecurityException("an Ed25519 key is 32 bytes, not " + raw.length);
        }
        byte[] encoded = new byte[X509_ED25519.length + raw.length];
        System.arraycopy(X509_ED25519, 0, encoded, 0, X509_ED25519.length);
        System.arraycopy(raw, 0, encoded, X509_ED25519.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
