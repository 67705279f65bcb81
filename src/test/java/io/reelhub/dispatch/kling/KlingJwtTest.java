package io.reelhub.dispatch.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class KlingJwtTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final KlingJwt jwt = new KlingJwt("ak-123", "sk-secret", clock);

    @Test
    void theTokenIsAnHs256JwtSignedWithTheSecretKey() throws Exception {
        String[] parts = jwt.token().split("\\.");

        assertThat(parts).hasSize(3);
        assertThat(json(parts[0]).path("alg").asText()).isEqualTo("HS256");
        assertThat(json(parts[0]).path("typ").asText()).isEqualTo("JWT");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sk-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
    }

    @Test
    void theClaimsNameTheAccessKeyAndAThirtyMinuteWindow() throws Exception {
        JsonNode claims = json(jwt.token().split("\\.")[1]);

        assertThat(claims.path("iss").asText()).isEqualTo("ak-123");
        assertThat(claims.path("exp").asLong()).isEqualTo(T0.getEpochSecond() + 1800);
        assertThat(claims.path("nbf").asLong()).isEqualTo(T0.getEpochSecond() - 5);
    }

    @Test
    void oneTokenServesEveryCallUntilItsRenewalWindow() {
        String first = jwt.token();
        clock.move(Duration.ofMinutes(24));

        assertThat(jwt.token()).isEqualTo(first);
    }

    @Test
    void theTokenIsRenewedBeforeItExpires() throws Exception {
        String first = jwt.token();
        clock.move(Duration.ofMinutes(25).plusSeconds(1));

        String renewed = jwt.token();

        assertThat(renewed).isNotEqualTo(first);
        assertThat(json(renewed.split("\\.")[1]).path("exp").asLong())
                .isEqualTo(T0.plus(Duration.ofMinutes(25).plusSeconds(1)).getEpochSecond() + 1800);
    }

    @Test
    void aTokenKlingCalledExpiredIsReplacedAtOnce() {
        String first = jwt.token();
        clock.move(Duration.ofSeconds(1));
        jwt.invalidate();

        assertThat(jwt.token()).isNotEqualTo(first);
    }

    private static JsonNode json(String part) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(part));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
