package io.reelhub.dispatch.fal;

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
 * fal's queue, configured when {@code FAL_KEY} is set. The catalog's {@code fal:} entry of a model is its endpoint
 * id ({@code fal-ai/kling-video/v2.1/master/text-to-video}). A base URL that is a path ({@code /sandbox/fal}) points
 * at the sandbox embedded in this process.
 */
@Configuration
class FalProviders {

    @Bean
    @ConditionalOnExpression("!'${FAL_KEY:}'.isBlank()")
    VideoProvider falProvider(@Value("${FAL_KEY}") String apiKey,
                              @Value("${reelhub.providers.fal.base-url:https://queue.fal.run}") String baseUrl,
                              @Value("${reelhub.providers.fal.webhook-url:}") String webhookUrl,
                              WireModels wireModels, LocalServer local, ProviderHttp http, ObjectMapper json) {
        return new FalQueueClient(local.baseUrl(baseUrl), apiKey, wireModels.on(FalQueueClient.NAME),
                new ProviderCalls(FalQueueClient.NAME, http, json), new OutputDownload(FalQueueClient.NAME, http),
                webhookUrl.isBlank() ? null : local.baseUrl(webhookUrl));
    }
}
