package io.reelhub.webhooks;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{provider}}: verified against the raw body, deduplicated by webhook id, and then only a
 * nudge: the job is polled now instead of at its next turn. A webhook only speeds a job up; the poller still runs,
 * so a lost webhook delays nothing for long and a forged or replayed one changes nothing.
 */
@RestController
class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookProperties properties;
    private final WebhookEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookController(WebhookProperties properties, WebhookEvents events, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/webhooks/{provider}")
    ResponseEntity<?> receive(@PathVariable String provider,
                              @RequestHeader(value = "webhook-id", required = false) String id,
                              @RequestHeader(value = "webhook-timestamp", required = false) String timestamp,
                              @RequestHeader(value = "webhook-signature", required = false) String signature,
                              @RequestBody(required = false) byte[] body) {
        WebhookProperties.Provider settings = properties.providers().get(provider);
        if (settings == null || settings.secret() == null || settings.secret().isBlank()) {
            return WebhookAnswers.problem(HttpStatus.NOT_FOUND, "no webhook secret is configured for provider '" + provider + "'");
        }
        byte[] raw = body == null ? new byte[0] : body;
        try {
            new StandardWebhookSignature(settings.secret()).verify(id, timestamp, signature, raw, clock.instant(),
                    properties.tolerance());
        } catch (InvalidWebhookException e) {
            LOG.warn("Refused a webhook for {}: {}", provider, e.getMessage());
            return WebhookAnswers.problem(HttpStatus.UNAUTHORIZED, e.getMessage());
        }
        Optional<String> jobId = providerJobId(provider, raw);
        if (!events.firstTime(provider, id, jobId.orElse(null))) {
            return WebhookAnswers.duplicate(id);
        }
        int nudged = jobId.map(providerJob -> events.nudge(provider, providerJob)).orElse(0);
        return WebhookAnswers.taken(nudged, id);
    }

    private Optional<String> providerJobId(String provider, byte[] raw) {
        try {
            JsonNode payload = json.readTree(raw);
            return payload == null ? Optional.empty() : ProviderJobIds.in(provider, payload);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
