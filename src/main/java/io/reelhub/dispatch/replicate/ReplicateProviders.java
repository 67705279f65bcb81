package io.reelhub.dispatch.replicate;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.reelhub.dispatch.LocalServer;
import io.reelhub.dispatch.ProviderHttp;
import io.reelhub.dispatch.VideoProvider;
import io.reelhub.dispatch.WireModels;

/**
 * Replicate, when {@code REPLICATE_API_TOKEN} is set ({@code reelhub.providers.replicate.api-token}); a base URL
 * starting with {@code /} is a path on this process (the embedded sandbox's {@code /sandbox/replicate/v1}).
 */
@Configuration
class ReplicateProviders {

    @Bean
    @ConditionalOnExpression("!'${reelhub.providers.replicate.api-token:}'.isBlank()")
    VideoProvider replicateProvider(
            @Value("${reelhub.providers.replicate.api-token}") String token,
            @Value("${reelhub.providers.replicate.base-url:https://api.replicate.com/v1}") String baseUrl,
            @Value("${reelhub.providers.replicate.timeout:60s}") Duration timeout,
            @Value("${reelhub.providers.replicate.download-timeout:5m}") Duration downloadTimeout,
            @Value("${reelhub.providers.replicate.prefer-wait-seconds:0}") int preferWaitSeconds,
            @Value("${reelhub.providers.replicate.cancel-after:30m}") String cancelAfter,
            WireModels wireModels, ProviderHttp http, ObjectMapper json, LocalServer local) {
        return new ReplicateClient(local.baseUrl(baseUrl), token.strip(), wireModels.on(ReplicateClient.NAME), http, json,
                new ReplicateClient.Settings(timeout, downloadTimeout, Math.max(0, Math.min(60, preferWaitSeconds)),
                        cancelAfter));
    }
}
