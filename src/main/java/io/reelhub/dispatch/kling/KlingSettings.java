package io.reelhub.dispatch.kling;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How the hub uses Kling ({@code reelhub.providers.kling.*}).
 *
 * @param mode               {@code std} or {@code pro}
 * @param callbackUrl        the {@code callback_url} of the job with a given submit key (tokenised per job, since
 *                           Kling signs nothing); null when callbacks are off. Polling runs either way
 * @param rateLimitBackoff   wait after a 1302 (rate limit) that named no Retry-After
 * @param concurrencyBackoff wait after a 1303 (every parallel task slot of the resource pack is busy)
 */
public record KlingSettings(String mode, UnaryOperator<String> callbackUrl, Duration rateLimitBackoff,
                            Duration concurrencyBackoff) {

    public KlingSettings {
        mode = mode == null || mode.isBlank() ? "std" : mode;
        callbackUrl = callbackUrl == null ? key -> null : callbackUrl;
        rateLimitBackoff = rateLimitBackoff == null ? Duration.ofSeconds(10) : rateLimitBackoff;
        concurrencyBackoff = concurrencyBackoff == null ? Duration.ofSeconds(30) : concurrencyBackoff;
    }
}
