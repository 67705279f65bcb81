package io.reelhub.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;

/**
 * The provider protocols this hub can reach: every {@link VideoProvider} bean, each configured by its own
 * credential from the environment. A new generation goes to the first protocol the catalog lists for its model that
 * is configured here, else to an OpenAI-compatible gateway when one is set, else to the sandbox, which is always
 * there: with no credential at all, the hub runs against its sandbox.
 */
@Component
public class ProviderRegistry {

    public static final String SANDBOX = "sandbox";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";

    private final Map<String, VideoProvider> providers = new LinkedHashMap<>();
    private final WireModels wireModels;

    public ProviderRegistry(List<VideoProvider> configured, List<ProviderSource> sources, WireModels wireModels) {
        configured.forEach(this::add);
        sources.forEach(source -> source.providers().forEach(this::add));
        this.wireModels = wireModels;
    }

    private void add(VideoProvider provider) {
        if (providers.putIfAbsent(provider.name(), provider) != null) {
            throw new IllegalStateException("two providers are named '" + provider.name()
                    + "': rename the provider file in connectors/");
        }
    }

    /** The provider a new generation goes to. */
    public VideoProvider forNewJob(GenerationSpec spec) {
        for (String protocol : wireModels.protocolsFor(spec)) {
            if (providers.containsKey(protocol)) {
                return providers.get(protocol);
            }
        }
        return providers.getOrDefault(OPENAI_COMPATIBLE, providers.get(SANDBOX));
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
}
