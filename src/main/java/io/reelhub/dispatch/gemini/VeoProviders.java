package io.reelhub.dispatch.gemini;

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
 * Google Veo, on the two APIs that serve it: the Gemini API when {@code GEMINI_API_KEY} is set
 * ({@code reelhub.providers.gemini.api-key}), Vertex AI when {@code VERTEX_ACCESS_TOKEN} and {@code VERTEX_PROJECT}
 * are set ({@code reelhub.providers.vertex.*}). The base URLs default to Google's; a base URL starting with {@code /}
 * is a path on this process, such as the embedded sandbox's {@code /sandbox/gemini/v1beta} or {@code /sandbox/vertex/v1}.
 */
@Configuration
class VeoProviders {

    @Bean
    @ConditionalOnExpression("!'${reelhub.providers.gemini.api-key:}'.isBlank()")
    VideoProvider geminiProvider(
            @Value("${reelhub.providers.gemini.api-key}") String apiKey,
            @Value("${reelhub.providers.gemini.base-url:https://generativelanguage.googleapis.com/v1beta}") String baseUrl,
            @Value("${reelhub.providers.gemini.timeout:60s}") Duration timeout,
            @Value("${reelhub.providers.gemini.download-timeout:5m}") Duration downloadTimeout,
            WireModels wireModels, ProviderHttp http, ObjectMapper json, LocalServer local) {
        return new GeminiVeoClient(local.baseUrl(baseUrl), apiKey.strip(), wireModels.on(GeminiVeoClient.NAME),
                http, json, timeout, downloadTimeout);
    }

    @Bean
    @ConditionalOnExpression("!'${reelhub.providers.vertex.access-token:}'.isBlank()"
            + " and !'${reelhub.providers.vertex.project:}'.isBlank()")
    VideoProvider vertexProvider(
            @Value("${reelhub.providers.vertex.access-token}") String accessToken,
            @Value("${reelhub.providers.vertex.project}") String project,
            @Value("${reelhub.providers.vertex.location:us-central1}") String location,
            @Value("${reelhub.providers.vertex.base-url:}") String baseUrl,
            @Value("${reelhub.providers.vertex.timeout:60s}") Duration timeout,
            @Value("${reelhub.providers.vertex.download-timeout:5m}") Duration downloadTimeout,
            WireModels wireModels, ProviderHttp http, ObjectMapper json, LocalServer local) {
        String base = baseUrl.isBlank() ? "https://" + location.strip() + "-aiplatform.googleapis.com/v1" : baseUrl;
        return new VertexVeoClient(local.baseUrl(base), project.strip(), location.strip(), accessToken.strip(),
                wireModels.on(VertexVeoClient.NAME), http, json, timeout, downloadTimeout);
    }
}
