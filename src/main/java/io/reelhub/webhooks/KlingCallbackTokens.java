package io.reelhub.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.reelhub.callback.SigningSecret;
import io.reelhub.ops.HubFolders;

/**
 * Kling signs nothing it sends to a {@code callback_url}, so the hub puts a secret token of each job into the URL it
 * gives Kling ({@code ?job=<submit key>&token=<token>}): an HMAC of the job's submit key under a key only the hub
 * holds ({@code reelhub.webhooks.kling.token-secret}, else one generated once and kept under the home). A callback
 * without the right token for its job is refused; one with it only makes the hub ask Kling about the task.
 */
@Component
public class KlingCallbackTokens {

    static final String FILE = "secrets/kling-callback-token-secret";

    private final byte[] key;

    @Autowired
    KlingCallbackTokens(WebhookProperties properties, HubFolders folders) {
        this(properties.kling().tokenSecret() != null ? properties.kling().tokenSecret()
                : SigningSecret.kept(folders.home().resolve(FILE)));
    }

    KlingCallbackTokens(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The token of the job submitted with {@code submitKey}. */
    public String tokenFor(String submitKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] token = mac.doFinal(("kling-callback:" + submitKey).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code token} is this job's, compared in constant time. */
    boolean valid(String submitKey, String token) {
        return submitKey != null && token != null && MessageDigest.isEqual(
                tokenFor(submitKey).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }
}
