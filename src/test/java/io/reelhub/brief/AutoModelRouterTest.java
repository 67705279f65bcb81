package io.reelhub.brief;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AutoModelRouterTest {

    private final AutoModelRouter router = new AutoModelRouter();

    @Test
    void eachIntentGoesToTheModelThatDoesItBest() {
        assertThat(router.route(List.of("character-consistency"))).isEqualTo("veo-3.1");
        assertThat(router.route(List.of("complex-scene"))).isEqualTo("veo-3.1");
        assertThat(router.route(List.of("realistic-motion"))).isEqualTo("kling-2.1");
        assertThat(router.route(List.of("faces"))).isEqualTo("kling-2.1");
        assertThat(router.route(List.of("narrative"))).isEqualTo("veo-3.1");
        assertThat(router.route(List.of("transitions"))).isEqualTo("veo-3.1");
        assertThat(router.route(List.of("dynamic-camera"))).isEqualTo("seedance-1.0-pro");
        assertThat(router.route(List.of("action"))).isEqualTo("seedance-1.0-pro");
        assertThat(router.route(List.of("landscape"))).isEqualTo("wan-2.2");
        assertThat(router.route(List.of("environment"))).isEqualTo("wan-2.2");
    }

    @Test
    void theFirstIntentWithARouteWins() {
        assertThat(router.route(List.of("unheard-of", "landscape", "faces"))).isEqualTo("wan-2.2");
    }

    @Test
    void noKnownIntentFallsBackToVeo() {
        assertThat(router.route(List.of())).isEqualTo("veo-3.1");
        assertThat(router.route(List.of("unheard-of"))).isEqualTo("veo-3.1");
    }

    @Test
    void aCustomTableReplacesTheDefaults() {
        AutoModelRouter custom = new AutoModelRouter(Map.of("faces", "hero-cinematic"), "fast-draft");
        assertThat(custom.route(List.of("faces"))).isEqualTo("hero-cinematic");
        assertThat(custom.route(List.of("landscape"))).isEqualTo("fast-draft");
        assertThat(custom.targets()).containsExactly("fast-draft", "hero-cinematic");
    }
}
