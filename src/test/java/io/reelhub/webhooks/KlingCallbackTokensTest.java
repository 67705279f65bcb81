package io.reelhub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KlingCallbackTokensTest {

    private final KlingCallbackTokens tokens = new KlingCallbackTokens("a-key-only-the-hub-holds-0123456789");

    @Test
    void eachJobHasItsOwnTokenThatOnlyTheHubsKeyMakes() {
        String token = tokens.tokenFor("job-abc");

        assertThat(tokens.valid("job-abc", token)).isTrue();
        assertThat(tokens.valid("job-abd", token)).isFalse();
        assertThat(new KlingCallbackTokens("another-key-0123456789012345678").valid("job-abc", token)).isFalse();
        assertThat(token).matches("[A-Za-z0-9_-]{43}").doesNotContain("job-abc");
    }

    @Test
    void aMissingJobOrTokenIsNeverValid() {
        assertThat(tokens.valid(null, tokens.tokenFor("null"))).isFalse();
        assertThat(tokens.valid("job-abc", null)).isFalse();
        assertThat(tokens.valid("job-abc", "")).isFalse();
    }
}
