package io.reelhub.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.reelhub.catalog.ModelCatalog;

class RetiredModelRemapTest {

    private static final ModelCatalog CATALOG = Briefs.catalog();

    private static byte[] brief(String project, String extra) {
        return ("""
                brief: 1
                id: spot
                project: %s
                model: sora-2
                prompt: A paper boat drifts down a rain gutter, then spins into a drain
                params: {seconds: 4, aspect: "16:9", resolution: 720p}
                %s
                """.formatted(project, extra)).getBytes(StandardCharsets.UTF_8);
    }

    private static BriefChecker checker(Set<String> remapProjects) {
        return new BriefChecker(CATALOG, 1_048_576, "veo-3.1", remapProjects);
    }

    @Test
    void aRetiredModelIsRejectedWithItsDateAndReplacementByDefault() {
        BriefCheck check = checker(Set.of()).check(brief("acme", ""), "spot.yaml");

        assertThat(check.errors()).extracting(Problem::message)
                .containsExactly("model 'sora-2' was retired on 2026-09-24; use 'veo-3.1'");
    }

    @Test
    void aBriefThatAllowsItIsRemappedToTheReplacementWithAWarning() {
        BriefCheck check = checker(Set.of()).check(brief("acme", "retired_model: remap"), "spot.yaml");

        assertThat(check.errors()).isEmpty();
        assertThat(check.plan()).singleElement().extracting(GenerationSpec::modelId).isEqualTo("veo-3.1");
        assertThat(check.warnings()).extracting(Problem::message)
                .contains("model 'sora-2' was retired on 2026-09-24; remapped to 'veo-3.1' (retired_model: remap)");
    }

    @Test
    void aProjectWhosePolicyAllowsItIsRemappedWithoutAskingInEachBrief() {
        BriefCheck check = checker(Set.of("acme")).check(brief("acme", ""), "spot.yaml");

        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).extracting(Problem::message).anyMatch(m -> m.endsWith("(project policy)"));
        assertThat(checker(Set.of("acme")).check(brief("other", ""), "spot.yaml").errors()).isNotEmpty();
    }

    @Test
    void anUnknownPolicyValueIsAnErrorNamingTheAllowedOnes() {
        BriefCheck check = checker(Set.of()).check(brief("acme", "retired_model: maybe"), "spot.yaml");

        assertThat(check.errors()).extracting(Problem::path, Problem::message)
                .contains(org.assertj.core.groups.Tuple.tuple("retired_model", "'maybe' is not one of reject, remap"));
    }
}
