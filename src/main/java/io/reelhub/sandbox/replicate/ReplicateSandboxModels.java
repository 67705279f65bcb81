package io.reelhub.sandbox.replicate;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The official models the sandbox's Replicate protocol runs ({@code reelhub.sandbox.replicate.models}); a pinned
 * version is accepted as {@code owner/name:<64 hex>} of one of them.
 */
@ConfigurationProperties(prefix = "reelhub.sandbox.replicate")
public record ReplicateSandboxModels(
        @DefaultValue({"google/veo-3.1", "google/veo-3.1-fast", "bytedance/seedance-1-pro", "bytedance/seedance-1-lite",
                "wan-video/wan-2.2-t2v-fast", "kwaivgi/kling-v2.1-master"}) List<String> models) {

    public ReplicateSandboxModels {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
