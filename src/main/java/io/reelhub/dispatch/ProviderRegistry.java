package io.reelhub.dispatch;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.openai.OpenAiVideosClient;

/**
 * The provider protocols this hub can reach. With no credential at all, every generation goes to the sandbox: the
 * embedded one on this process's own port, or a separate sandbox process when {@code reelhub.providers.sandbox.base-url}
 * names one.
 */
@Component
public class ProviderRegistry {

    public static final String SANDBOX = "sandbox";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";

    private final Map<String, VideoProvider> providers = new LinkedHashMap<>();
    private final String defaultProvider;
    private volatile int localPort;

    public ProviderRegistry(@Value("${reelhub.providers.sandbox.base-url:}") String sandboxBaseUrl,
                            @Value("${OPENAI_API_KEY:}") String openAiKey,
                            @Value("${OPENAI_BASE_URL:}") String openAiBaseUrl,
                            ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        providers.put(SANDBOX, new OpenAiVideosClient(SANDBOX,
                () -> sandboxBaseUrl.isBlank() ? embeddedSandboxUrl() : trimSlash(sandboxBaseUrl), "sandbox",
                GenerationSpec::modelId, http, json));
        if (!openAiKey.isBlank()) {
            String base = openAiBaseUrl.isBlank() ? "https://api.openai.com/v1" : trimSlash(openAiBaseUrl);
            providers.put(OPENAI_COMPATIBLE, new OpenAiVideosClient(OPENAI_COMPATIBLE, () -> base, openAiKey,
                    GenerationSpec::providerModel, http, json));
        }
        defaultProvider = openAiKey.isBlank() ? SANDBOX : OPENAI_COMPATIBLE;
    }

    /** The provider a new generation goes to. */
    public VideoProvider forNewJob() {
        return providers.get(defaultProvider);
    }

    /** The provider a job was submitted to, whatever the configuration says today. */
    public VideoProvider named(String name) {
        VideoProvider provider = providers.get(name);
        if (provider == null) {
            throw new IllegalStateException("job was submitted to provider '" + name
                    + "', which is not configured any more (its credential is missing from the environment)");
        }
        return provider;
    }

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        localPort = event.getWebServer().getPort();
    }

    private String embeddedSandboxUrl() {
        if (localPort <= 0) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, "embedded sandbox not listening yet");
        }
        return "http://127.0.0.1:" + localPort + "/sandbox/openai/v1";
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
