package io.reelhub.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureMatchesTheStandardWebhooksReferenceVector() {
        // the example of the Standard Webhooks specification and its reference libraries
        byte[] key = SigningSecret.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = new io.reelhub.webhooks.StandardWebhookSignature(key).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anotherIdTimestampOrBodyGivesAnotherSignature() {
        byte[] key = SigningSecret.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = new io.reelhub.webhooks.StandardWebhookSignature(key).sign("msg_1", 100, body);

        assertThat(new io.reelhub.webhooks.StandardWebhookSignature(key).sign("msg_2", 100, body)).isNotEqualTo(base);
        assertThat(new io.reelhub.webhooks.StandardWebhookSignature(key).sign("msg_1", 101, body)).isNotEqualTo(base);
        assertThat(new io.reelhub.webhooks.StandardWebhookSignature(key).sign("msg_1", 100, "[]".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(base);
    }
}
