package io.reelhub.webhooks;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.dispatch.ProviderException;

/**
 * {@code POST /webhooks/fal}: fal's webhook, verified against the raw body with fal's Ed25519 keys
 * ({@link FalWebhookSignature}, {@link FalJwks}), deduplicated by request id (fal retries a delivery up to 10 times),
 * and then only a nudge: the job with that request id is polled now. The body's status and result are never used;
 * the poll asks fal. A forged, stale or replayed webhook changes nothing, and a lost one delays the job only until
 * its next regular poll.
 */
@RestController
class FalWebhookController {

    static final String PROVIDER = "fal";
    private static final Logger LOG = LoggerFactory.getLogger(FalWebhookController.class);

    private final FalJwks jwks;
    private final WebhookEvents events;
    private final WebhookProperties properties;
    private final Clock clock;

    FalWebhookController(FalJwks jwks, WebhookEvents events, WebhookProperties properties, Clock clock) {
        this.jwks = jwks;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/webhooks/fal")
    ResponseEntity<?> receive(@RequestHeader(value = "X-Fal-Webhook-Request-Id", required = false) String requestId,
                              @RequestHeader(value = "X-Fal-Webhook-User-Id", required = false) String userId,
                              @RequestHeader(value = "X-Fal-Webhook-Timestamp", required = false) String timestamp,
                              @RequestHeader(value = "X-Fal-Webhook-Signature", required = false) String signature,
                              @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        try {
            FalWebhookSignature.checkHeaders(requestId, userId, timestamp, signature, clock.instant(),
                    properties.tolerance());
            if (!FalWebhookSignature.signedByAny(jwks.keys(), requestId, userId, timestamp, signature, raw)
                    && !(jwks.refetch()
                    && FalWebhookSignature.signedByAny(jwks.keys(), requestId, userId, timestamp, signature, raw))) {
                throw new InvalidWebhookException("the X-Fal-Webhook-Signature matches none of fal's webhook keys");
            }
        } catch (InvalidWebhookException e) {
            LOG.warn("Refused a fal webhook: {}", e.getMessage());
            return WebhookAnswers.problem(HttpStatus.UNAUTHORIZED, e.getMessage());
        } catch (ProviderException e) {
            // fal retries a delivery that failed: ask it to come back once its keys can be read
            return WebhookAnswers.problem(HttpStatus.SERVICE_UNAVAILABLE, "cannot read fal's webhook keys: " + e.getMessage());
        }
        if (!events.firstTime(PROVIDER, requestId, requestId)) {
            return WebhookAnswers.duplicate(requestId);
        }
        int nudged = events.nudge(PROVIDER, requestId);
        return WebhookAnswers.taken(nudged, requestId);
    }
}
