package io.reelhub.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/kling?job=<submit key>&token=<token>}: Kling's callback, authenticated by the job's token
 * ({@link KlingCallbackTokens}) since Kling signs nothing, and then only a nudge: that job is polled now, which
 * re-queries the task at Kling. The body is never trusted (it only tells repeats apart: Kling calls back on every
 * status change). Kling sends no timestamp either, so a replay is told only by its body; an old callback for a job
 * no longer waiting is noted and changes nothing.
 */
@RestController
class KlingWebhookController {

    static final String PROVIDER = "kling";
    private static final Logger LOG = LoggerFactory.getLogger(KlingWebhookController.class);

    private final KlingCallbackTokens tokens;
    private final WebhookEvents events;
    private final ObjectMapper json;

    KlingWebhookController(KlingCallbackTokens tokens, WebhookEvents events, ObjectMapper json) {
        this.tokens = tokens;
        this.events = events;
        this.json = json;
    }

    @PostMapping("/webhooks/kling")
    ResponseEntity<?> receive(@RequestParam(value = "job", required = false) String job,
                              @RequestParam(value = "token", required = false) String token,
                              @RequestBody(required = false) byte[] body) {
        if (!tokens.valid(job, token)) {
            // the token is a credential: it is neither logged nor echoed
            LOG.warn("Refused a Kling callback for job key {}: missing or wrong token", job);
            return WebhookAnswers.problem(HttpStatus.UNAUTHORIZED, "missing or wrong callback token for this job");
        }
        byte[] raw = body == null ? new byte[0] : body;
        String id = job + ":" + change(raw);
        if (!events.firstTime(PROVIDER, id, null)) {
            return WebhookAnswers.duplicate(id);
        }
        int nudged = events.nudgeBySubmitKey(PROVIDER, job);
        return WebhookAnswers.taken(nudged, id);
    }

    /** Which status change this callback reports, from the untrusted body, only to drop exact repeats. */
    private String change(byte[] raw) {
        try {
            JsonNode body = json.readTree(raw);
            JsonNode task = body != null && body.has("data") ? body.path("data") : body;
            if (task != null && task.hasNonNull("task_status")) {
                return task.path("task_status").asText() + ":" + task.path("updated_at").asText();
            }
        } catch (IOException e) {
            // not JSON: the body's digest tells repeats apart
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
