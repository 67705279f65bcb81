package io.reelhub.delivery.notice;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;

/**
 * POSTs a {@link DeliveryNotice} to a URL, one request per attempt, signed the Standard Webhooks way when a secret is
 * configured. The {@code webhook-sink} kamelet calls {@link #send}.
 */
@Component("webhookSender")
public class WebhookSender {

    // the wire format must not follow the application's Jackson settings
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final NoticePoster poster = new NoticePoster();
    private final Clock clock;

    public WebhookSender(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param secret      the signing secret; blank sends the notice unsigned
     * @param destination the destination's name, part of the notice id
     * @param delivered   what the job's other destinations already received
     * @return the receipt, as the destination's output
     */
    public List<String> send(Delivery delivery, String url, String secret, String destination,
                             List<String> delivered) {
        DeliveryNotice notice = DeliveryNotice.of(delivery, destination, delivered);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice of plain values always serialises", e);
        }
        return List.of(postSigned(url, secret, notice.id(), body));
    }

    /**
     * POSTs any JSON body the same way: one request, {@code webhook-id} and {@code webhook-timestamp}, and with a
     * secret the Standard Webhooks signature. For other notices that share this signing (social post webhooks).
     *
     * @param id the same for every attempt of one message, so a receiver can drop a repeat
     * @return the receipt, e.g. {@code POST https://host → 200}
     * @throws NoticeFailedException if the POST fails or is answered with a non-2xx status
     */
    public String postSigned(String url, String secret, String id, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        if (secret != null && !secret.isBlank()) {
            headers.put("webhook-signature", WebhookSigner.sign(secret.strip(), id, timestamp, body));
        }
        return poster.post(url, body, headers);
    }
}
