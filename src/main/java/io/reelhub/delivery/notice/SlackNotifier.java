package io.reelhub.delivery.notice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;

/**
 * Posts a delivered clip's notice to a Slack incoming webhook: one line on what was delivered, the model and its
 * cost, the AI-generated flag, and where the job's other destinations put the outputs. The {@code slack-sink}
 * kamelet calls {@link #send}.
 */
@Component("slackNotifier")
public class SlackNotifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NoticePoster poster = new NoticePoster();

    /**
     * @param webhookUrl the incoming webhook's URL (a secret: it is never logged or reported)
     * @param delivered  what the job's other destinations already received
     * @return the receipt, as the destination's output
     */
    public List<String> send(Delivery delivery, String webhookUrl, List<String> delivered) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("text", text(delivery, delivered)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a text message always serialises", e);
        }
        return List.of(poster.post(webhookUrl, body, Map.of()));
    }

    static String text(Delivery delivery, List<String> delivered) {
        StringBuilder text = new StringBuilder();
        text.append("*").append(delivery.project()).append(" / ").append(delivery.briefId()).append(" ")
                .append(delivery.shotId()).append(" ").append(Lineage.versionLabel(delivery.version()))
                .append("* delivered for ").append(delivery.stage());
        if (delivery.title() != null) {
            text.append(": ").append(delivery.title());
        }
        text.append('\n').append(String.format(Locale.ROOT, "%s via %s, %dx%d, %.1f s", delivery.model(),
                delivery.provider(), delivery.width(), delivery.height(), delivery.durationSeconds()));
        if (delivery.costEstimateUsd() != null) {
            text.append(", est. ").append(usd(delivery.costEstimateUsd())).append(" USD");
        }
        text.append(delivery.sandbox() ? " (sandbox)" : "").append(" · AI-generated");
        List<String> outputs = delivered == null || delivered.isEmpty()
                ? List.of(delivery.clip().getFileName().toString()) : delivered;
        text.append("\nOutputs:");
        outputs.forEach(output -> text.append("\n• ").append(output));
        return text.toString();
    }

    /** 1.6000 as the ledger keeps it reads 1.60; 0.0125 keeps its digits. */
    static String usd(BigDecimal amount) {
        BigDecimal trimmed = amount.stripTrailingZeros();
        return (trimmed.scale() < 2 ? trimmed.setScale(2) : trimmed).toPlainString();
    }
}
