package io.reelhub.webhooks;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What {@code /webhooks/*} answers, whichever provider called: 202 {@code polling} (the job will be asked now) or
 * {@code noted} (no job waits for it), 200 {@code duplicate} for a delivery seen before, and problem details for a
 * refusal. Providers retry on errors, so only a webhook that could never be valid is refused.
 */
final class WebhookAnswers {

    private WebhookAnswers() {
    }

    static ResponseEntity<Map<String, String>> taken(int nudged, String webhookId) {
        return ResponseEntity.accepted().body(Map.of("status", nudged > 0 ? "polling" : "noted",
                "webhookId", webhookId));
    }

    static ResponseEntity<Map<String, String>> duplicate(String webhookId) {
        return ResponseEntity.ok(Map.of("status", "duplicate", "webhookId", webhookId));
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
