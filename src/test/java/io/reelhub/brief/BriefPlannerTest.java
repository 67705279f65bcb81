package io.reelhub.brief;

import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.reelhub.brief.Briefs.MINIMAL;
import static io.reelhub.brief.Briefs.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class BriefPlannerTest {

    private static final ModelCatalog CATALOG = Briefs.catalog();
    private static final ModelSpec VEO = CATALOG.find("veo-3.1").orElseThrow();
    private static final FrameSize HD = new FrameSize(1280, 720);

    private final BriefPlanner planner = new BriefPlanner(CATALOG, new PromptCompiler(), () -> 1000L);

    private static Brief brief(String yaml) {
        BriefReport report = new BriefParser().parse(bytes(yaml), "brief.yaml");
        assertThat(report.errors()).isEmpty();
        return report.brief();
    }

    @Test
    void aBriefWithoutShotsIsOneGenerationCalledSh010() {
        List<GenerationSpec> plan = planner.plan(brief(MINIMAL + "  seed: 42\n  negative: text\n"), VEO, HD, 4);
        assertThat(plan).containsExactly(new GenerationSpec("sh010", "veo-3.1", "veo-3.1-generate-001",
                "Scene: Rain-soaked neon street in Tokyo at night."
                        + " Characters: A woman in her 30s, short black bob, red trench coat."
                        + " Action: She walks toward camera, then stops. Tone: Tense. Style: Anamorphic 35mm.",
                4, 1280, 720, 42L, "text", true, new java.math.BigDecimal("1.60")));
    }

    @Test
    void eachShotIsOneGenerationInOrderWithItsOwnActionAndLength() {
        Brief brief = brief(MINIMAL + """
                shots:
                  - {id: sh010, action: "She stops", seconds: 4}
                  - {id: sh020, action: "She looks up", seconds: 8}
                  - {id: sh030}
                """);
        List<GenerationSpec> plan = planner.plan(brief, VEO, HD, 6);
        assertThat(plan).extracting(GenerationSpec::shotId).containsExactly("sh010", "sh020", "sh030");
        assertThat(plan).extracting(GenerationSpec::seconds).containsExactly(4, 8, 6);
        assertThat(plan.get(0).prompt()).contains("Action: She stops.");
        assertThat(plan.get(1).prompt()).contains("Action: She looks up.");
        assertThat(plan.get(2).prompt()).contains("Action: She walks toward camera, then stops.");
    }

    @Test
    void variationsAreTakesWithConsecutiveSeeds() {
        Brief brief = brief(MINIMAL.replace("post-production", "concept") + "  seed: 7\nvariations: 3\n");
        List<GenerationSpec> plan = planner.plan(brief, VEO, HD, 4);
        assertThat(plan).extracting(GenerationSpec::shotId).containsExactly("var01", "var02", "var03");
        assertThat(plan).extracting(GenerationSpec::seed).containsExactly(7L, 8L, 9L);
        assertThat(plan).extracting(GenerationSpec::prompt).containsOnly(plan.get(0).prompt());
    }

    @Test
    void variationsWithoutASeedStartFromARecordedRandomOne() {
        Brief brief = brief(MINIMAL.replace("post-production", "concept") + "variations: 2\n");
        assertThat(planner.plan(brief, VEO, HD, 4)).extracting(GenerationSpec::seed).containsExactly(1000L, 1001L);
    }

    @Test
    void variationSeedsWrapWithinThirtyTwoBits() {
        Brief brief = brief(MINIMAL.replace("post-production", "concept") + "  seed: 4294967295\nvariations: 2\n");
        assertThat(planner.plan(brief, VEO, HD, 4)).extracting(GenerationSpec::seed)
                .containsExactly(4294967295L, 0L);
    }

    @Test
    void variationsOnAModelWithoutSeedsCarryNoSeed() {
        ModelSpec kling = CATALOG.find("kling-2.1").orElseThrow();
        Brief brief = brief(MINIMAL.replace("post-production", "concept") + "  seed: 7\nvariations: 2\n");
        assertThat(planner.plan(brief, kling, new FrameSize(1920, 1080), 5)).extracting(GenerationSpec::seed)
                .containsExactly(null, null);
    }

    @Test
    void audioFollowsTheModelUnlessTheBriefTurnsItOff() {
        assertThat(planner.plan(brief(MINIMAL), VEO, HD, 4).get(0).audio()).isTrue();
        assertThat(planner.plan(brief(MINIMAL + "  audio: false\n"), VEO, HD, 4).get(0).audio()).isFalse();
    }

    @Test
    void eachGenerationCarriesItsListPrice() {
        Brief brief = brief(MINIMAL + "shots:\n  - {seconds: 4}\n  - {seconds: 8}\n");
        assertThat(planner.plan(brief, VEO, HD, 4)).extracting(GenerationSpec::estimatedCostUsd)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("1.60"), new java.math.BigDecimal("3.20"));
    }
}
