package io.reelhub.dispatch.kling;

import java.time.Clock;
import java.time.Duration;

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
                                ObjectMapper json) {
        return new KlingClient(local.baseUrl(baseUrl), new KlingJwt(accessKey, secretKey, Clock.systemUTC()),
                wireModels.on(KlingClient.NAME),
                new KlingSettings(mode, callbackUrl, rateLimitBackoff, concurrencyBackoff),
                new ProviderCalls(KlingClient.NAME, http, json), new OutputDownload(KlingClient.NAME, http));
    }
}
