package io.reelhub.dispatch.runway;

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
 * Runway's API, configured when {@code RUNWAY_API_KEY} is set. A base URL that is a path ({@code /sandbox/runway})
 * points at the sandbox embedded in this process.
 */
@Configuration
class RunwayProviders {

    @Bean
    @ConditionalOnExpression("!'${RUNWAY_API_KEY:}'.isBlank()")
    VideoProvider runwayProvider(@Value("${RUNWAY_API_KEY}") String apiKey,
                                 @Value("${reelhub.providers.runway.base-url:https://api.dev.runwayml.com}")
                                 String baseUrl,
                                 @Value("${reelhub.providers.runway.api-version:" + RunwayClient.DEFAULT_API_VERSION
                                         + "}") String apiVersion,
                                 WireModels wireModels, LocalServer local, ProviderHttp http, ObjectMapper json) {
        return new RunwayClient(local.baseUrl(baseUrl), apiKey, apiVersion, wireModels.on(RunwayClient.NAME),
                new ProviderCalls(RunwayClient.NAME, http, json), new OutputDownload(RunwayClient.NAME, http));
    }
}
