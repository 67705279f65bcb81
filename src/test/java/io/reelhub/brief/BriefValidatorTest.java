package io.reelhub.brief;

import io.reelhub.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.reelhub.brief.Briefs.MINIMAL;
import static io.reelhub.brief.Briefs.bytes;
import static io.reelhub.brief.Briefs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BriefValidatorTest {

    private static final ModelCatalog CATALOG = Briefs.catalog();

    private final BriefParser parser = new BriefParser();
    private final BriefValidator validator = validator(CATALOG, "veo-3.1");

    private static BriefValidator validator(ModelCatalog catalog, String defaultModel) {
        return new BriefValidator(catalog, new AutoModelRouter(), defaultModel,
                new BriefPlanner(catalog, new PromptCompiler()));
    }

    private BriefValidation validate(String yaml) {
        BriefReport report = parser.parse(bytes(yaml), "brief.yaml");
        assertThat(report.errors()).as("the brief itself parses").isEmpty();
        return validator.validate(report.brief());
    }

    @Test
    void aValidBriefResolvesItsModelAndSize() {
        BriefValidation validation = validate(MINIMAL);
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).isEmpty();
        assertThat(validation.model().id()).isEqualTo("veo-3.1");
        assertThat(validation.size()).hasToString("1280x720");
        assertThat(validation.plan()).hasSize(1);
    }

    @Test
    void anAliasResolvesToItsCatalogModel() {
        BriefValidation validation = validate(with("model: veo-3.1", "model: hero-cinematic"));
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.plan()).singleElement().satisfies(spec -> {
            assertThat(spec.modelId()).isEqualTo("veo-3.1");
            assertThat(spec.providerModel()).isEqualTo("veo-3.1-generate-001");
        });
    }

    @Test
    void anUnknownModelIsRejectedListingKnownModels() {
        BriefValidation validation = validate(with("model: veo-3.1", "model: veo-9"));
        assertThat(validation.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("model");
            assertThat(p.message()).startsWith("unknown model 'veo-9'; known: veo-3.1, veo-3.1-fast")
                    .contains("aliases: ").contains("hero-cinematic").endsWith("or auto")
                    .doesNotContain("sora-2");
        });
        assertThat(validation.plan()).isEmpty();
    }

    @Test
    void aRetiredModelIsRejectedWithItsDateAndReplacement() {
        BriefValidation validation = validate(with("model: veo-3.1", "model: sora-2"));
        assertThat(validation.errors()).containsExactly(
                new Problem("model", "model 'sora-2' was retired on 2026-09-24; use 'veo-3.1'"));
    }

    @Test
    void theRetiredVeoPreviewIsRejectedWithItsDate() {
        BriefValidation validation = validate(with("model: veo-3.1", "model: veo-3.1-preview"));
        assertThat(validation.errors()).containsExactly(
                new Problem("model", "model 'veo-3.1-preview' was retired on 2026-10-22; use 'veo-3.1'"));
    }

    @Test
    void aDeprecatedModelIsAWarningWithItsSunsetDate(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog.yaml");
        String shipped = Files.readString(Briefs.SHIPPED_CATALOG);
        String active = "provider-model: veo-3.1-fast-generate-001\n    status: active\n    sunset: null\n"
                + "    replacement: null";
        assertThat(shipped).contains(active);
        Files.writeString(file, shipped.replace(active, "provider-model: veo-3.1-fast-generate-001\n"
                + "    status: deprecated\n    sunset: 2027-01-31\n    replacement: veo-3.1"));
        ModelCatalog deprecating = ModelCatalog.load(file);
        BriefReport report = parser.parse(bytes(with("model: veo-3.1", "model: veo-3.1-fast")), "b.yaml");
        BriefValidation validation = validator(deprecating, "veo-3.1").validate(report.brief());
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).containsExactly(new Problem("model",
                "model 'veo-3.1-fast' is deprecated and will be retired on 2027-01-31; use 'veo-3.1'"));
    }

    @Test
    void aLengthTheModelDoesNotTakeIsRejectedWithTheAllowedLengths() {
        BriefValidation validation = validate(with("seconds: 4", "seconds: 7"));
        assertThat(validation.errors()).containsExactly(
                new Problem("params.seconds", "seconds 7 is not accepted by veo-3.1; allowed: 4, 6, 8"));
    }

    @Test
    void eachShotsLengthIsCheckedAgainstTheModel() {
        BriefValidation validation = validate(MINIMAL + """
                shots:
                  - {id: sh010, seconds: 4}
                  - {id: sh020, seconds: 5}
                """);
        assertThat(validation.errors()).containsExactly(
                new Problem("shots[1].seconds", "seconds 5 is not accepted by veo-3.1; allowed: 4, 6, 8"));
    }

    @Test
    void anAspectAndResolutionTheModelDoesNotRenderIsRejectedWithTheAllowedSizes() {
        BriefValidation validation = validate(with("aspect: \"16:9\"", "aspect: \"1:1\""));
        assertThat(validation.errors()).containsExactly(new Problem("params.resolution",
                "1:1 at 720p (720x720) is not rendered by veo-3.1; allowed sizes: 1280x720, 720x1280, 1920x1080,"
                        + " 1080x1920"));
    }

    @Test
    void anExplicitSizeTheModelDoesNotRenderIsRejected() {
        BriefValidation validation = validate(MINIMAL.replace("  aspect: \"16:9\"\n  resolution: 720p\n",
                "  size: 1024x768\n"));
        assertThat(validation.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("params.size");
            assertThat(p.message()).startsWith("size 1024x768 is not rendered by veo-3.1; allowed sizes:");
        });
    }

    @Test
    void aSizeThatContradictsTheAspectIsRejected() {
        BriefValidation validation = validate(with("resolution: 720p", "size: 720x1280"));
        assertThat(validation.errors()).containsExactly(
                new Problem("params.aspect", "aspect 16:9 does not match size 720x1280"));
    }

    @Test
    void aResolutionAloneKeepsTheModelsDefaultAspect() {
        BriefValidation validation = validate(MINIMAL.replace("  aspect: \"16:9\"\n", "")
                .replace("720p", "1080p"));
        assertThat(validation.size()).hasToString("1920x1080");
    }

    @Test
    void noSizeAtAllTakesTheModelsDefault() {
        BriefValidation validation = validate(MINIMAL.replace("  aspect: \"16:9\"\n  resolution: 720p\n", "")
                .replace("model: veo-3.1", "model: kling-2.1").replace("seconds: 4", "seconds: 5"));
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.size()).hasToString("1920x1080");
    }

    @Test
    void aSeedForAModelWithoutSeedsIsDroppedWithAWarning() {
        BriefValidation validation = validate(MINIMAL.replace("model: veo-3.1", "model: kling-2.1")
                .replace("seconds: 4", "seconds: 5").replace("720p", "1080p") + "  seed: 42\n");
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.warnings()).containsExactly(
                new Problem("params.seed", "kling-2.1 takes no seed; seed 42 is dropped"));
        assertThat(validation.plan().get(0).seed()).isNull();
    }

    @Test
    void aNegativePromptForAModelWithoutOneIsDroppedWithAWarning() {
        BriefValidation validation = validate(MINIMAL.replace("model: veo-3.1", "model: seedance-1.0-pro")
                .replace("seconds: 4", "seconds: 5") + "  negative: text, logos\n");
        assertThat(validation.warnings()).containsExactly(
                new Problem("params.negative", "seedance-1.0-pro takes no negative prompt; it is dropped"));
        assertThat(validation.plan().get(0).negative()).isNull();
    }

    @Test
    void audioForASilentModelIsAWarning() {
        BriefValidation validation = validate(MINIMAL.replace("model: veo-3.1", "model: wan-2.2")
                .replace("seconds: 4", "seconds: 5") + "  audio: true\n");
        assertThat(validation.warnings()).extracting(Problem::path).containsExactly("params.audio");
        assertThat(validation.plan().get(0).audio()).isFalse();
    }

    @Test
    void autoRoutesByIntent() {
        String auto = MINIMAL.replace("model: veo-3.1", "model: auto\nintent: [landscape]")
                .replace("seconds: 4", "seconds: 5");
        BriefValidation validation = validate(auto);
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.model().id()).isEqualTo("wan-2.2");
    }

    @Test
    void autoWithoutIntentTakesTheFallback() {
        BriefValidation validation = validate(with("model: veo-3.1", "model: auto"));
        assertThat(validation.model().id()).isEqualTo("veo-3.1");
    }

    @Test
    void anIntentWithoutARouteIsAWarningForAuto() {
        BriefValidation validation = validate(with("model: veo-3.1", "model: auto\nintent: [vibes, narrative]"));
        assertThat(validation.model().id()).isEqualTo("veo-3.1");
        assertThat(validation.warnings()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("intent[0]");
            assertThat(p.message()).startsWith("no route for intent 'vibes'; known: action, character-consistency");
        });
    }

    @Test
    void aBriefWithoutAModelGetsTheConfiguredDefault() {
        BriefReport report = parser.parse(bytes(with("model: veo-3.1\n", "")), "b.yaml");
        assertThat(validator.validate(report.brief()).model().id()).isEqualTo("veo-3.1");
        assertThat(validator(CATALOG, "veo-3.1-fast").validate(report.brief()).model().id())
                .isEqualTo("veo-3.1-fast");
    }

    @Test
    void aBudgetBelowTheEstimateIsRejectedWithTheEstimate() {
        BriefValidation validation = validate(MINIMAL + "budget_usd: 1.00\n");
        assertThat(validation.errors()).containsExactly(new Problem("budget_usd",
                "the estimate is 1.60 USD (1 clip, 4 s on veo-3.1), over the budget of 1.00 USD"));
        assertThat(validation.plan()).isEmpty();
    }

    @Test
    void aBudgetCoversEveryShot() {
        String twoShots = MINIMAL + "budget_usd: 3.00\nshots:\n  - {seconds: 4}\n  - {seconds: 4}\n";
        assertThat(validate(twoShots).errors()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("the estimate is 3.20 USD (2 clips, 8 s on veo-3.1)"));
        assertThat(validate(twoShots.replace("3.00", "3.20")).errors()).isEmpty();
    }

    @Test
    void severalModelProblemsAreReportedTogether() {
        BriefValidation validation = validate(MINIMAL.replace("seconds: 4", "seconds: 7")
                .replace("aspect: \"16:9\"", "aspect: \"1:1\"") + "shots:\n  - {seconds: 3}\n");
        assertThat(validation.errors()).extracting(Problem::path)
                .containsExactly("params.resolution", "params.seconds", "shots[0].seconds");
    }

    @Test
    void aDefaultModelMissingFromTheCatalogStopsConstruction() {
        assertThatThrownBy(() -> validator(CATALOG, "veo-9"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'veo-9' is not in the model catalog")
                .hasMessageContaining("reelhub.brief.default-model");
    }

    @Test
    void aRetiredDefaultModelStopsConstruction() {
        assertThatThrownBy(() -> validator(CATALOG, "sora-2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'sora-2' is retired");
    }
}
