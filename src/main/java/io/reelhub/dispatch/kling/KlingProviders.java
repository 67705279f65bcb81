package io.reelhub.dispatch.kling;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.reelhub.dispatch.ProviderCalls;
import io.reelhub.dispatch.LocalServer;
import io.reelhub.dispatch.OutputDownload;
import io.reelhub.dispatch.ProviderHttp;
import io.reelhub.dispatch.VideoProvider;
import io.reelhub.dispatch.WireModels;
import io.reelhub.webhooks.KlingCallbackTokens;

/**
 * Kling's own API, configured when both {@code KLING_ACCESS_KEY} and {@code KLING_SECRET_KEY} are set. A base URL
 * that is a path ({@code /sandbox/kling}) points at the sandbox embedded in this process.
 */
@Configuration
class KlingProviders {

    @Bean
    @ConditionalOnExpression("!'${KLING_ACCESS_KEY:}'.isBlank() and !'${KLING_SECRET_KEY:}'.isBlank()")
    VideoProvider klingProvider(@Value("${KLING_ACCESS_KEY}") String accessKey,
                                @Value("${KLING_SECRET_KEY}") String secretKey,
                                @Value("${reelhub.providers.kling.base-url:https://api-singapore.klingai.com}")
                                String baseUrl,
                                @Value("${reelhub.providers.kling.mode:std}") String mode,
                                @Value("${reelhub.providers.kling.callback-url:}") String callbackUrl,
                                @Value("${reelhub.providers.kling.rate-limit-backoff:10s}") Duration rateLimitBackoff,
                                @Value("${reelhub.providers.kling.concurrency-backoff:30s}")
                                Duration concurrencyBackoff,
                                WireModels wireModels, LocalServer local, ProviderHttp http,
                                ObjectMapper json, KlingCallbackTokens tokens) {
        return new KlingClient(local.baseUrl(baseUrl), new KlingJwt(accessKey, secretKey, Clock.systemUTC()),
                wireModels.on(KlingClient.NAME),
                new KlingSettings(mode, callbacks(callbackUrl, local, tokens), rateLimitBackoff, concurrencyBackoff),
                new ProviderCalls(KlingClient.NAME, http, json), new OutputDownload(KlingClient.NAME, http));
    }

    /**
     * The callback URL of each job, {@code <callback-url>?job=<submit key>&token=<its token>}, or none when
     * {@code reelhub.providers.kling.callback-url} is empty; a path means this process.
     */
    static UnaryOperator<String> callbacks(String configured, LocalServer local, KlingCallbackTokens tokens) {
        if (configured == null || configured.isBlank()) {
            return key -> null;
        }
        Supplier<String> base = local.baseUrl(configured);
        return key -> {
            String url = base.get();
            return url + (url.contains("?") ? "&" : "?") + "job=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                    + "&token=" + tokens.tokenFor(key);
        };
    }
}
