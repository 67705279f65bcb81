package io.reelhub.social.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.reelhub.delivery.notice.WebhookSender;
import io.reelhub.social.SocialPost;
import io.reelhub.social.SocialTestBed;
import io.reelhub.support.WebhookReceiver;

/** The generic social webhook: a signed JSON description of each post, sent through the hub's webhook sender. */
class SocialWebhookSchedulerTest {

    private static final String SECRET = "social-webhook-secret";

    private final SocialTestBed bed = new SocialTestBed();
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private List<String> publish(SocialPost post) {
        SocialWebhookScheduler scheduler = new SocialWebhookScheduler(new WebhookSender(bed.clock),
                receiver.url("/hooks/social"), SECRET);
        return bed.publisher.publish(scheduler, "social-webhook", List.of(post));
    }

    @Test
    void thePostArrivesSignedWithPlatformCaptionHashtagsMediaScheduleAndAiFlags() throws Exception {
        SocialPost post = bed.post("tiktok", SocialTestBed.T0.plusSeconds(3600));

        publish(post);

        assertThat(receiver.requests()).hasSize(1);
        WebhookReceiver.Request request = receiver.requests().get(0);
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("type").asText()).isEqualTo("reelhub.social.post");
        assertThat(body.path("platform").asText()).isEqualTo("tiktok");
        assertThat(body.path("caption").asText()).isEqualTo("Spring is here #spring #acme");
        assertThat(body.path("hashtags")).extracting(JsonNode::asText).containsExactly("spring", "acme");
        assertThat(body.path("schedule_at").asText()).isEqualTo("2026-03-02T11:00:00Z");
        assertThat(body.path("media").get(0).path("url").asText()).isEqualTo(post.media().get(0).url().toString());
        assertThat(body.path("ai_disclosure").path("isAiGenerated").asBoolean()).isTrue();
        assertThat(body.path("ai_disclosure").path("containsSyntheticMedia").asBoolean()).isTrue();
        assertThat(body.path("lineage").path("ai_generated").asBoolean()).isTrue();
        String id = post.jobId() + ".social-webhook.tiktok";
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(request.header("webhook-id")).isEqualTo(id);
        String timestamp = request.header("webhook-timestamp");
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmac(id + "." + timestamp + "."
                + request.body()));
    }

    @Test
    void aReceiverThatIsDownGetsTheSameMessageIdOnTheRetry() {
        receiver.answer(503);
        SocialPost post = bed.post("instagram-reels", null);

        assertThatThrownBy(() -> publish(post)).hasMessageContaining("503");
        receiver.answer(200);
        publish(post);
        publish(post);

        assertThat(receiver.requests()).hasSize(2).extracting(r -> r.header("webhook-id")).containsOnly(
                post.jobId() + ".social-webhook.instagram-reels");
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
