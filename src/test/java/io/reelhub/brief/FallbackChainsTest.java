package io.reelhub.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelhub.catalog.ModelCatalog;

class FallbackChainsTest {

    private static final ModelCatalog CATALOG = Briefs.catalog();

    private final FallbackChains chains = new FallbackChains(Map.of(
            "hero-cinematic", List.of("veo-3.1-fast", "realistic-motion"),
            "auto", List.of("wan-2.2")), new AutoModelRouter(), CATALOG);

    @Test
    void anAliasRunsOnItsModelThenOnItsChainAsCatalogIds() {
        assertThat(chains.chainFor("hero-cinematic", List.of()))
                .containsExactly("veo-3.1", "veo-3.1-fast", "kling-2.1");
    }

    @Test
    void autoUsesTheChainOfTheAliasItRoutedToElseTheAutoChain() {
        FallbackChains byAlias = new FallbackChains(Map.of("hero-cinematic", List.of("veo-3.1-fast"),
                "auto", List.of("wan-2.2")), new AutoModelRouter(Map.of("narrative", "hero-cinematic"), "veo-3.1"),
                CATALOG);

        assertThat(byAlias.chainFor("auto", List.of("narrative"))).containsExactly("veo-3.1", "veo-3.1-fast");
        assertThat(chains.chainFor("auto", List.of("faces"))).containsExactly("kling-2.1", "wan-2.2");
    }

    @Test
    void aBriefNamingACatalogIdOrNothingGetsNoFallback() {
        assertThat(chains.chainFor("veo-3.1", List.of())).containsExactly("veo-3.1");
        assertThat(chains.chainFor(null, List.of())).isEmpty();
        assertThat(chains.chainFor("no-such-model", List.of())).isEmpty();
    }

    @Test
    void aModelNamedTwiceIsTriedOnce() {
        FallbackChains repeating = new FallbackChains(Map.of("auto", List.of("veo-3.1", "wan-2.2", "wan-2.2")),
                new AutoModelRouter(), CATALOG);

        assertThat(repeating.chainFor("auto", List.of("narrative"))).containsExactly("veo-3.1", "wan-2.2");
    }

    @Test
    void aChainOnAnIdOrOnAnUnknownOrRetiredModelStopsStartUpNamingEachProblem() {
        assertThatThrownBy(() -> new FallbackChains(Map.of(
                "veo-3.1", List.of("wan-2.2"),
                "fast-draft", List.of("sora-2", "veo-9")), new AutoModelRouter(), CATALOG))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'veo-3.1' is not an alias of the catalog nor 'auto'")
                .hasMessageContaining("asked for that model: it gets no fallback")
                .hasMessageContaining("fast-draft: model 'sora-2' is retired")
                .hasMessageContaining("fast-draft: unknown model 'veo-9'");
    }
}
