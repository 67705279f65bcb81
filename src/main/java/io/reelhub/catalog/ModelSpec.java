package io.reelhub.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One model as the catalog describes it: what briefs call it, what goes on the wire, where it is in its lifecycle
 * and what it accepts. Brief validation checks against this, so a brief fails at intake rather than at the provider.
 *
 * @param id                 the id briefs name, e.g. {@code veo-3.1}
 * @param name               a human name for reports and {@code GET /api/models}
 * @param providerModel      the model id sent to the provider, e.g. {@code veo-3.1-generate-001}
 * @param lifecycle          active, deprecated or retired
 * @param sunset             deprecated: the announced retirement date; retired: the date it was retired; else null
 * @param replacement        the catalog id to use instead once deprecated or retired; may be null
 * @param seconds            the clip lengths the model accepts
 * @param defaultSeconds     the length used when a brief names none
 * @param sizes              the frame sizes the model renders, the first being its default
 * @param seed               whether the model takes a seed
 * @param negativePrompt     whether the model takes a negative prompt
 * @param audio              whether the model renders an audio track
 * @param pricePerSecondUsd  price per second of output by resolution tier
 * @param providers          the provider protocols that serve the model, in order of preference, each with the
 *                           model's id on that protocol's wire ({@code gemini: veo-3.1-generate-001})
 */
public record ModelSpec(
        String id,
        String name,
        String providerModel,
        Lifecycle lifecycle,
        LocalDate sunset,
        String replacement,
        List<Integer> seconds,
        int defaultSeconds,
        List<FrameSize> sizes,
        boolean seed,
        boolean negativePrompt,
        boolean audio,
        Map<ResolutionTier, BigDecimal> pricePerSecondUsd,
        Map<String, String> providers) {

    public ModelSpec {
        seconds = List.copyOf(seconds);
        sizes = List.copyOf(sizes);
        // An EnumMap keeps tiers in order (480p, 720p, 1080p), so GET /api/models lists them the same way each time.
        Map<ResolutionTier, BigDecimal> prices = new EnumMap<>(ResolutionTier.class);
        prices.putAll(pricePerSecondUsd);
        pricePerSecondUsd = Collections.unmodifiableMap(prices);
        providers = providers == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers));
    }

    /** The model's id on a provider protocol's wire: its own entry, else {@link #providerModel}. */
    public String wireModel(String protocol) {
        return providers.getOrDefault(protocol, providerModel);
    }

    public boolean accepts(int clipSeconds) {
        return seconds.contains(clipSeconds);
    }

    public boolean renders(FrameSize size) {
        return sizes.contains(size);
    }

    public boolean isRetired() {
        return lifecycle == Lifecycle.RETIRED;
    }

    public FrameSize defaultSize() {
        return sizes.get(0);
    }
}
