package io.reelhub.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class CallbackPropertiesTest {

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheCeiling() {
        CallbackProperties properties = new CallbackProperties(null, List.of(" *.example.com ", ""), null, null,
                Duration.ofSeconds(10), Duration.ofMinutes(1), null, null, null);

        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(60)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.allowedHosts()).containsExactly("*.example.com");
        assertThat(properties.allowPrivate()).isFalse();
    }

    @Test
    void theSecretNeverAppearsInTheirText() {
        CallbackProperties properties = new CallbackProperties("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", null, null,
                null, null, null, null, null, null);

        assertThat(properties.toString()).doesNotContain("c2VjcmV0").contains("secret=(set)");
    }
}
