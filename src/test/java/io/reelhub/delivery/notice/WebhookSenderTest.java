package io.reelhub.delivery.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.reelhub.delivery.Delivery;
import io.reelhub.support.WebhookReceiver;

/** The webhook-sink's sender: one POST per attempt, Standard Webhooks signing, errors that keep the secret. */
class WebhookSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a key of thirty-two bytes, yes!!".getBytes(StandardCharsets.UTF_8));

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final WebhookSender sender = new WebhookSender(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void theNoticeDescribesTheClipItsLineageAndWhatTheOtherDestinationsReceived() throws Exception {
        List<String> receipt = sender.send(delivery(), receiver.url("/hooks/reelhub"), "", "review-hook",
                List.of("/bins/acme/spot/sh010_v001.mp4"));

        assertThat(receipt).singleElement().asString().startsWith("POST http://127.0.0.1:").endsWith("→ 200");
        WebhookReceiver.Request request = receiver.requests().get(0);
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("webhook-id")).isEqualTo("job-42.review-hook");
        assertThat(request.header("webhook-timestamp")).isEqualTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(request.header("webhook-signature")).as("unsigned without a secret").isNull();
        JsonNode notice = json.readTree(request.body());
        assertThat(notice.path("type").asText()).isEqualTo("reelhub.clip.delivered");
        assertThat(notice.path("version").asText()).isEqualTo("v001");
        assertThat(notice.path("clip").path("width").asInt()).isEqualTo(1280);
        assertThat(notice.path("outputs").get(0).asText()).isEqualTo("/bins/acme/spot/sh010_v001.mp4");
        assertThat(notice.path("lineage").path("provider_job_id").asText()).isEqualTo("video_123");
        assertThat(notice.path("lineage").path("digital_source_type").asText()).endsWith("trainedAlgorithmicMedia");
    }

    @Test
    void aSecretSignsTheNoticeTheStandardWebhooksWay() throws Exception {
        sender.send(delivery(), receiver.url("/hooks/reelhub"), SECRET, "review-hook", List.of());

        WebhookReceiver.Request request = receiver.requests().get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                + request.body();
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aRefusedNoticeIsOneRequestAndItsErrorNamesTheHostButNotThePath() {
        receiver.answer(503);

        assertThatThrownBy(() -> sender.send(delivery(), receiver.url("/hooks/T000/secret-path?token=abc"), "",
                "hook", List.of()))
                .isInstanceOf(NoticeFailedException.class)
                .hasMessageStartingWith("POST to http://127.0.0.1:")
                .hasMessageContaining("answered 503")
                .hasMessageNotContaining("secret-path").hasMessageNotContaining("abc");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void anUnreachableReceiverFailsWithoutRepeatingTheUrl() {
        String url = receiver.url("/hooks/secret-path");
        receiver.close();

        assertThatThrownBy(() -> sender.send(delivery(), url, "", "hook", List.of()))
                .isInstanceOf(NoticeFailedException.class)
                .hasMessageStartingWith("POST to http://127.0.0.1:").hasMessageNotContaining("secret-path");
    }

    @Test
    void theSlackTextSaysWhatWasDeliveredAndWhere() {
        String text = SlackNotifier.text(delivery(), List.of("/bins/acme/spot/sh010_v001.mp4"));

        assertThat(text).isEqualTo("""
                *acme / spot sh010 v001* delivered for post-production: Spot
                veo-3.1 via sandbox, 1280x720, 4.0 s, est. 1.60 USD (sandbox) · AI-generated
                Outputs:
                • /bins/acme/spot/sh010_v001.mp4""");
        assertThat(SlackNotifier.usd(new BigDecimal("0.0125"))).isEqualTo("0.0125");
        assertThat(SlackNotifier.usd(new BigDecimal("2"))).isEqualTo("2.00");
    }

    private static Delivery delivery() {
        return new Delivery("job-42", "spot", "acme", 1, "sh010", "post-production", "Spot", "veo-3.1", "sandbox",
                "video_123", 42L, "A harbour at dawn", new BigDecimal("1.6000"), true, Path.of("clip.mp4"),
                1280, 720, 4.0, 24.0, NOW, NOW);
    }
}
