package io.reelhub.dispatch.openai;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.LocalServer;
import io.reelhub.dispatch.ProviderHttp;
import io.reelhub.dispatch.ProviderRegistry;
import io.reelhub.dispatch.VideoProvider;
import io.reelhub.dispatch.WireModels;

/**
 * The OpenAI Videos wire format: always the sandbox (embedded on this process's port, or a separate sandbox process
 * at {@code reelhub.providers.sandbox.base-url}), plus an OpenAI-compatible gateway when {@code OPENAI_API_KEY} is
 * set.
 */
@Configuration
class OpenAiProviders {

    @Bean
    VideoProvider sandboxProvider(@Value("${reelhub.providers.sandbox.base-url:}") String baseUrl,
                                  LocalServer local, ProviderHttp http, ObjectMapper json) {
        // the sandbox serves the catalog's own ids, whatever protocol it stands in for
        return new OpenAiVideosClient(ProviderRegistry.SANDBOX,
                () -> baseUrl.isBlank() ? local.url("/sandbox/openai/v1") : trimSlash(baseUrl), "sandbox",
                GenerationSpec::modelId, http, json);
    }

    @Bean
    @ConditionalOnExpression("!'${OPENAI_API_KEY:}'.isBlank()")
    VideoProvider openAiCompatibleProvider(@Value("${OPENAI_API_KEY}") String apiKey,
                                           @Value("${OPENAI_BASE_URL:https://api.openai.com/v1}") String baseUrl,
                                           WireModels wireModels, ProviderHttp http, ObjectMapper json) {
        String base = trimSlash(baseUrl);
        return new OpenAiVideosClient(ProviderRegistry.OPENAI_COMPATIBLE, () -> base, apiKey,
                wireModels.on(ProviderRegistry.OPENAI_COMPATIBLE), http, json);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
