package io.reelhub.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.reelhub.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.reelhub.brief.Briefs.MINIMAL;
import static io.reelhub.brief.Briefs.bytes;
import static org.assertj.core.api.Assertions.assertThat;

class BriefCheckerTest {

    private static final ModelCatalog CATALOG = Briefs.catalog();

    private final BriefChecker checker = new BriefChecker(CATALOG);

    static Stream<Path> exampleBriefs() throws IOException {
        try (Stream<Path> files = Files.list(Briefs.EXAMPLES)) {
            return files.sorted().toList().stream();
        }
    }

    private BriefCheck check(Path file) throws IOException {
        return checker.check(Files.readAllBytes(file), file.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleBriefs")
    void everyExampleBriefValidatesWithoutErrors(Path example) throws IOException {
        BriefCheck check = check(example);
        assertThat(check.errors()).as(check.toText()).isEmpty();
        assertThat(check.plan()).isNotEmpty();
    }

    @Test
    void theExamplesFolderHoldsTheDocumentedBriefs() throws IOException {
        assertThat(exampleBriefs().map(p -> p.getFileName().toString()))
                .contains("neon-street.yaml", "free-text.json", "two-shots.yaml", "harbour-concepts.yaml");
    }

    @Test
    void theNeonStreetExampleIsOneFourSecondClipOnVeo() throws IOException {
        BriefCheck check = check(Briefs.EXAMPLES.resolve("neon-street.yaml"));
        assertThat(check.warnings()).isEmpty();
        assertThat(check.brief().id()).isEqualTo("neon-street");
        assertThat(check.brief().project()).isEqualTo("acme-spring");
        assertThat(check.brief().stage()).isEqualTo(Stage.POST_PRODUCTION);
        assertThat(check.plan()).singleElement().satisfies(spec -> {
            assertThat(spec.shotId()).isEqualTo("sh010");
            assertThat(spec.providerModel()).isEqualTo("veo-3.1-generate-001");
            assertThat(spec.seconds()).isEqualTo(4);
            assertThat(spec.width()).isEqualTo(1280);
            assertThat(spec.height()).isEqualTo(720);
            assertThat(spec.seed()).isEqualTo(42L);
            assertThat(spec.audio()).isFalse();
            assertThat(spec.prompt()).startsWith("Scene: Rain-soaked neon street in Tokyo at night");
        });
        assertThat(check.estimatedCostUsd()).isEqualByComparingTo("1.60");
    }

    @Test
    void theFreeTextExampleIsThreeVariationsThroughAnAlias() throws IOException {
        BriefCheck check = check(Briefs.EXAMPLES.resolve("free-text.json"));
        assertThat(check.plan()).extracting(GenerationSpec::shotId).containsExactly("var01", "var02", "var03");
        assertThat(check.plan()).extracting(GenerationSpec::seed).containsExactly(7L, 8L, 9L);
        assertThat(check.plan()).allSatisfy(spec -> {
            assertThat(spec.modelId()).isEqualTo("veo-3.1");
            assertThat(spec.width()).isEqualTo(720);
            assertThat(spec.height()).isEqualTo(1280);
        });
    }

    @Test
    void theTwoShotsExampleIsTwoFourSecondShotsInOrder() throws IOException {
        BriefCheck check = check(Briefs.EXAMPLES.resolve("two-shots.yaml"));
        assertThat(check.plan()).extracting(GenerationSpec::shotId).containsExactly("sh010", "sh020");
        assertThat(check.plan()).extracting(GenerationSpec::seconds).containsExactly(4, 4);
        assertThat(check.estimatedCostUsd()).isEqualByComparingTo("3.20");
    }

    @Test
    void theChecksumIsOfTheRawBytes() {
        assertThat(checker.check(new byte[0], "empty.yaml").sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(checker.check(bytes("abc"), "abc.yaml").sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void parsingModelAndLinterProblemsArriveInOneCheck() {
        BriefCheck check = checker.check(bytes(MINIMAL.replace("seconds: 4", "seconds: 7")
                .replace("tone: Tense", "tone: Tense\n  mood: grim")), "brief.yaml");
        assertThat(check.ok()).isFalse();
        assertThat(check.brief()).isNotNull();
        assertThat(check.plan()).isEmpty();
        assertThat(check.errors()).extracting(Problem::path).containsExactly("params.seconds");
        assertThat(check.warnings()).extracting(Problem::path).contains("prompt.mood");
    }

    @Test
    void aBriefThatCannotBeParsedHasNoBriefAndNoPlan() {
        BriefCheck check = checker.check(bytes("brief: 2\n"), "brief.yaml");
        assertThat(check.brief()).isNull();
        assertThat(check.plan()).isEmpty();
        assertThat(check.errors()).extracting(Problem::path).containsExactly("brief", "project", "prompt");
    }

    @Test
    void linterWarningsDoNotRejectABrief() {
        BriefCheck check = checker.check(bytes("brief: 1\nproject: p\nprompt: {scene: A beach}\n"), "beach.yaml");
        assertThat(check.ok()).isTrue();
        assertThat(check.warnings()).extracting(Problem::path)
                .contains("prompt.characters", "prompt.action", "prompt.tone", "prompt.style", "prompt.scene");
    }

    @Test
    void theTextFormListsEachProblemAsPathAndMessage() {
        BriefCheck check = checker.check(bytes(MINIMAL.replace("model: veo-3.1", "model: sora-2")), "b.yaml");
        assertThat(check.toText()).isEqualTo("""
                1 error:
                  model: model 'sora-2' was retired on 2026-09-24; use 'veo-3.1'
                """);
    }

    @Test
    void aCheckSerialisesToJsonWithBriefFieldNames() throws IOException {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        BriefCheck check = check(Briefs.EXAMPLES.resolve("free-text.json"));
        JsonNode tree = json.readTree(json.writeValueAsString(check));
        assertThat(tree.at("/brief/brief").asInt()).isEqualTo(1);
        assertThat(tree.at("/brief/stage").asText()).isEqualTo("concept");
        assertThat(tree.at("/brief/budget_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(tree.at("/brief/prompt/text").asText()).startsWith("A quiet fishing harbour");
        assertThat(tree.at("/brief/params/resolution").asText()).isEqualTo("720p");
        assertThat(tree.at("/plan/0/shotId").asText()).isEqualTo("var01");
        assertThat(tree.at("/sha256").asText()).hasSize(64);
        assertThat(tree.at("/errors").isArray()).isTrue();
    }

    @Test
    void theCheckerIsASpringBeanConfiguredByProperties() {
        byte[] brief = bytes(MINIMAL.replace("model: veo-3.1\n", ""));
        new ApplicationContextRunner()
                .withBean(ModelCatalog.class)
                .withBean(RoutingProperties.class, () -> new RoutingProperties(null, null))
                .withBean(BriefChecker.class)
                .withPropertyValues("reelhub.brief.default-model=veo-3.1-fast")
                .run(context -> assertThat(context.getBean(BriefChecker.class).check(brief, "b.yaml").plan())
                        .singleElement().satisfies(spec -> assertThat(spec.modelId()).isEqualTo("veo-3.1-fast")));
        new ApplicationContextRunner()
                .withBean(ModelCatalog.class)
                .withBean(RoutingProperties.class, () -> new RoutingProperties(null, null))
                .withBean(BriefChecker.class)
                .withPropertyValues("reelhub.brief.max-bytes=100")
                .run(context -> assertThat(context.getBean(BriefChecker.class).check(brief, "b.yaml").errors())
                        .extracting(Problem::message).containsExactly("the file is " + brief.length
                                + " bytes; the limit is 100 bytes"));
    }

    @Test
    void anUnknownDefaultModelStopsTheApplicationFromStarting() {
        new ApplicationContextRunner()
                .withBean(ModelCatalog.class)
                .withBean(RoutingProperties.class, () -> new RoutingProperties(null, null))
                .withBean(BriefChecker.class)
                .withPropertyValues("reelhub.brief.default-model=veo-9")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("'veo-9' is not in the model catalog"));
    }
}
