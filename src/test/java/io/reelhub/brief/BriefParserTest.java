package io.reelhub.brief;

import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ResolutionTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;

import static io.reelhub.brief.Briefs.MINIMAL;
import static io.reelhub.brief.Briefs.bytes;
import static io.reelhub.brief.Briefs.with;
import static org.assertj.core.api.Assertions.assertThat;

class BriefParserTest {

    private final BriefParser parser = new BriefParser();

    private BriefReport parse(String yaml) {
        return parser.parse(bytes(yaml), "brief.yaml");
    }

    @Test
    void aMinimalBriefParsesWithoutProblems() {
        BriefReport report = parse(MINIMAL);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        Brief brief = report.brief();
        assertThat(brief.id()).isEqualTo("test-brief");
        assertThat(brief.project()).isEqualTo("acme-spring");
        assertThat(brief.stage()).isEqualTo(Stage.POST_PRODUCTION);
        assertThat(brief.prompt().scene()).isEqualTo("Rain-soaked neon street in Tokyo at night");
        assertThat(brief.params().seconds()).isEqualTo(4);
        assertThat(brief.params().aspect()).isEqualTo("16:9");
        assertThat(brief.params().resolution()).isEqualTo(ResolutionTier.P720);
        assertThat(brief.variations()).isEqualTo(1);
    }

    @Test
    void everyFieldOfTheProductExampleIsRead() {
        BriefReport report = parse("""
                brief: 1
                id: acme-spring-sc01
                project: acme-spring
                title: Opening hook
                stage: post-production
                model: veo-3.1
                intent: [character-consistency]
                prompt:
                  scene: Rain-soaked neon street in Tokyo at night, light drizzle
                  characters: A woman in her 30s, short black bob, red trench coat
                  action: She walks toward camera, stops, looks up as a drone passes overhead
                  tone: Tense, anticipatory, slow pacing
                  style: Anamorphic 35mm, shallow depth of field, teal-orange grade
                params:
                  seconds: 8
                  aspect: "16:9"
                  resolution: 720p
                  seed: 42
                  negative: text, logos
                  style_weight: 0.7
                  audio: false
                shots:
                  - {id: sh010, action: "She walks toward camera", seconds: 4}
                  - {id: sh020, action: "She looks up", seconds: 4}
                variations: 1
                destinations: [editing-bin]
                social: {platforms: [tiktok, instagram-reels], caption: "Spring is here", schedule_at: 2026-12-01T09:00:00Z}
                callback: https://creative.example/hooks/reelhub
                budget_usd: 12.50
                """);
        assertThat(report.errors()).isEmpty();
        Brief brief = report.brief();
        assertThat(brief.title()).isEqualTo("Opening hook");
        assertThat(brief.intent()).containsExactly("character-consistency");
        assertThat(brief.params()).isEqualTo(new BriefParams(8, "16:9", null, ResolutionTier.P720, 42L,
                "text, logos", 0.7, false));
        assertThat(brief.shots()).containsExactly(new Shot("sh010", "She walks toward camera", 4),
                new Shot("sh020", "She looks up", 4));
        assertThat(brief.destinations()).containsExactly("editing-bin");
        assertThat(brief.social().platforms()).containsExactly("tiktok", "instagram-reels");
        assertThat(brief.social().scheduleAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T09:00:00Z"));
        assertThat(brief.callback()).isEqualTo(URI.create("https://creative.example/hooks/reelhub"));
        assertThat(brief.budgetUsd()).isEqualByComparingTo(new BigDecimal("12.50"));
    }

    @Test
    void socialHashtagsAreReadWithOrWithoutTheirHashAndAMalformedOneIsNamed() {
        BriefReport report = parse(MINIMAL + "social: {platforms: [tiktok], caption: Spring, hashtags: [\"#spring\","
                + " acme_2026, Frühling]}\n");
        assertThat(report.errors()).isEmpty();
        assertThat(report.brief().social().hashtags()).containsExactly("spring", "acme_2026", "Frühling");

        BriefReport bad = parse(MINIMAL + "social: {platforms: [tiktok], hashtags: [ok, \"two words\", \"#\"]}\n");
        assertThat(bad.errors()).extracting(Problem::path).containsExactly("social.hashtags[1]", "social.hashtags[2]");
        assertThat(bad.errors().get(0).message()).isEqualTo("'two words' is not a hashtag: one word of letters,"
                + " digits and underscores, at most 100, with or without its #");
    }

    @Test
    void jsonAndYamlWithTheSameFieldsGiveTheSameBrief() {
        String json = """
                {"brief": 1, "id": "test-brief", "project": "acme-spring", "stage": "post-production",
                 "model": "veo-3.1",
                 "prompt": {"scene": "Rain-soaked neon street in Tokyo at night",
                            "characters": "A woman in her 30s, short black bob, red trench coat",
                            "action": "She walks toward camera, then stops", "tone": "Tense",
                            "style": "Anamorphic 35mm"},
                 "params": {"seconds": 4, "aspect": "16:9", "resolution": "720p"}}
                """;
        BriefReport fromJson = parser.parse(bytes(json), "brief.json");
        assertThat(fromJson.errors()).isEmpty();
        assertThat(fromJson.brief()).isEqualTo(parse(MINIMAL).brief());
    }

    @Test
    void jsonIsRecognisedByItsContentWhenTheNameSaysNothing() {
        BriefReport report = parser.parse(bytes("{\"brief\": 1, \"project\": \"p\", \"prompt\": \"a cat\"}"),
                "upload");
        assertThat(report.errors()).isEmpty();
        assertThat(report.brief().id()).isEqualTo("upload");
    }

    @Test
    void anUnquotedAspectRatioStaysText() {
        BriefReport report = parse(with("aspect: \"16:9\"", "aspect: 16:9"));
        assertThat(report.errors()).isEmpty();
        assertThat(report.brief().params().aspect()).isEqualTo("16:9");
    }

    @Test
    void aFreeTextPromptIsKeptAsWritten() {
        BriefReport report = parse("brief: 1\nproject: p\nprompt: A cat on a windowsill at golden hour\n");
        assertThat(report.brief().prompt()).isEqualTo(Prompt.freeText("A cat on a windowsill at golden hour"));
    }

    @Test
    void aFormatVersionOtherThanOneIsRejectedNamingTheSupportedVersion() {
        BriefReport report = parse(with("brief: 1", "brief: 2"));
        assertThat(report.brief()).isNull();
        assertThat(report.errors()).containsExactly(
                new Problem("brief", "format version 2 is not supported; supported: 1"));
    }

    @Test
    void aMissingFormatVersionIsRejected() {
        BriefReport report = parse(with("brief: 1\n", ""));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("brief");
            assertThat(p.message()).contains("missing format version").contains("supported: 1");
        });
    }

    @Test
    void aMissingProjectIsRejected() {
        BriefReport report = parse(with("project: acme-spring\n", ""));
        assertThat(report.errors()).extracting(Problem::path).containsExactly("project");
        assertThat(report.errors().get(0).message()).startsWith("missing");
    }

    @Test
    void aMissingPromptIsRejected() {
        BriefReport report = parse("brief: 1\nproject: p\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("prompt");
            assertThat(p.message()).contains("missing").contains("scene, characters, action, tone, style");
        });
    }

    @Test
    void aPromptWithNoSectionsIsRejected() {
        BriefReport report = parse("brief: 1\nproject: p\nprompt: {mood: sad}\n");
        assertThat(report.errors()).containsExactly(
                new Problem("prompt", "has none of the sections scene, characters, action, tone, style"));
        assertThat(report.warnings()).contains(new Problem("prompt.mood", "unknown field 'mood', ignored"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/x", "..", "...", ".", ".hidden", "Acme Spring", "a/b", "a\\\\b", "é"})
    void anIdOutsideTheAllowedPatternIsRejected(String id) {
        BriefReport report = parse(with("id: test-brief", "id: \"" + id + "\""));
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("id");
            assertThat(p.message()).contains("is not a valid id").contains("a-z, 0-9");
        });
    }

    @Test
    void aPathTraversalIdIsRejectedAndNamedInTheMessage() {
        BriefReport report = parse(with("id: test-brief", "id: ../../etc/x"));
        assertThat(report.brief()).isNull();
        assertThat(report.errors()).containsExactly(new Problem("id", "'../../etc/x' is not a valid id: use 1-80"
                + " characters from a-z, 0-9, '.', '_' and '-', not starting with a dot"));
    }

    @Test
    void anIdLongerThanEightyCharactersIsRejected() {
        BriefReport report = parse(with("id: test-brief", "id: " + "a".repeat(81)));
        assertThat(report.errors()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("is 81 characters long"));
    }

    @Test
    void aProjectOutsideTheAllowedPatternIsRejected() {
        BriefReport report = parse(with("project: acme-spring", "project: ../acme"));
        assertThat(report.errors()).extracting(Problem::path).containsExactly("project");
    }

    @Test
    void aMissingIdIsDerivedFromTheFileName() {
        BriefReport report = parser.parse(bytes(with("id: test-brief\n", "")), "inbox/Neon Street (v2).YAML");
        assertThat(report.errors()).isEmpty();
        assertThat(report.brief().id()).isEqualTo("neon-street-v2");
    }

    @Test
    void anIdDerivedFromAFileNameIsValidatedTheSameWay() {
        BriefReport report = parser.parse(bytes(with("id: test-brief\n", "")), "....yaml");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("id");
            assertThat(p.message()).contains("derived from the file name").contains("add an id");
        });
    }

    @Test
    void aMissingIdWithNoFileNameIsRejected() {
        BriefReport report = parser.parse(bytes(with("id: test-brief\n", "")), null);
        assertThat(report.errors()).extracting(Problem::path).containsExactly("id");
    }

    @Test
    void anUnknownStageIsRejectedListingTheAllowedStages() {
        BriefReport report = parse(with("stage: post-production", "stage: editing"));
        assertThat(report.errors()).containsExactly(new Problem("stage", "'editing' is not a stage; allowed:"
                + " concept, pre-production, production, post-production, social"));
    }

    @Test
    void aMissingStageIsAWarningAndFallsBackToPostProduction() {
        BriefReport report = parse(with("stage: post-production\n", ""));
        assertThat(report.errors()).isEmpty();
        assertThat(report.brief().stage()).isEqualTo(Stage.POST_PRODUCTION);
        assertThat(report.warnings()).extracting(Problem::path).containsExactly("stage");
    }

    @Test
    void aRootThatIsNotAMappingIsRejected() {
        BriefReport report = parse("- brief: 1\n- project: p\n");
        assertThat(report.errors()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("a brief is a mapping of fields").contains("a list"));
    }

    @Test
    void aScalarRootIsRejected() {
        assertThat(parse("just some words").errors()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("a brief is a mapping of fields"));
    }

    @Test
    void aWrongTypeIsRejectedWithItsPath() {
        BriefReport report = parse(with("seconds: 4", "seconds: \"eight\""));
        assertThat(report.errors()).containsExactly(
                new Problem("params.seconds", "expected a whole number, found text \"eight\""));
    }

    @Test
    void aFractionalLengthIsRejected() {
        assertThat(parse(with("seconds: 4", "seconds: 4.5")).errors()).containsExactly(
                new Problem("params.seconds", "expected a whole number, found the number 4.5"));
    }

    @Test
    void aNegativeSeedIsRejected() {
        BriefReport report = parse(MINIMAL + "  seed: -1\n");
        assertThat(report.errors()).containsExactly(
                new Problem("params.seed", "seed must be between 0 and 4294967295, found -1"));
    }

    @Test
    void aSeedAboveThirtyTwoBitsIsRejected() {
        assertThat(parse(MINIMAL + "  seed: 4294967296\n").errors()).extracting(Problem::path)
                .containsExactly("params.seed");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17, -3})
    void variationsOutsideOneToSixteenAreRejected(int variations) {
        BriefReport report = parse(MINIMAL + "variations: " + variations + "\n");
        assertThat(report.errors()).containsExactly(
                new Problem("variations", "must be between 1 and 16, found " + variations));
    }

    @Test
    void variationsOutsideTheConceptStageAreAWarning() {
        BriefReport report = parse(MINIMAL + "variations: 3\n");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).extracting(Problem::path).containsExactly("variations");
    }

    @Test
    void variationsAndShotsCannotBeCombined() {
        BriefReport report = parse(with("stage: post-production", "stage: concept")
                + "variations: 2\nshots:\n  - {id: sh010, seconds: 4}\n");
        assertThat(report.errors()).extracting(Problem::path).containsExactly("variations");
    }

    @Test
    void aNegativeBudgetIsRejected() {
        assertThat(parse(MINIMAL + "budget_usd: -5\n").errors())
                .containsExactly(new Problem("budget_usd", "must be 0 or more, found -5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://creative.example/hook", "not a url", "javascript:alert(1)", "/hooks/reelhub",
            "file:///etc/passwd"})
    void aCallbackThatIsNotAnHttpUrlIsRejected(String callback) {
        BriefReport report = parse(MINIMAL + "callback: \"" + callback + "\"\n");
        assertThat(report.errors()).extracting(Problem::path).containsExactly("callback");
    }

    @Test
    void aCallbackWithCredentialsIsRejectedWithoutRepeatingThem() {
        BriefReport report = parse(MINIMAL + "callback: https://user:s3cret@creative.example/hook\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("callback");
            assertThat(p.message()).doesNotContain("s3cret");
        });
    }

    @Test
    void anHttpCallbackIsAccepted() {
        BriefReport report = parse(MINIMAL + "callback: http://localhost:8080/hook\n");
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shotsGetTheirIdsCheckedAndMustBeUnique() {
        BriefReport report = parse(MINIMAL + """
                shots:
                  - {id: sh010, seconds: 4}
                  - {id: sh010, seconds: 4}
                  - {id: "../sh030", seconds: 4}
                """);
        assertThat(report.errors()).extracting(Problem::path).containsExactly("shots[1].id", "shots[2].id");
        assertThat(report.errors().get(0).message()).contains("'sh010' is already the id of shots[0]");
    }

    @Test
    void shotsWithoutIdsAreNumberedInTens() {
        BriefReport report = parse(MINIMAL + "shots:\n  - {action: a}\n  - {action: b}\n");
        assertThat(report.brief().shots()).extracting(Shot::id).containsExactly("sh010", "sh020");
    }

    @Test
    void anEmptyShotListIsRejected() {
        assertThat(parse(MINIMAL + "shots: []\n").errors()).extracting(Problem::path).containsExactly("shots");
    }

    @Test
    void aBadSizeAspectAndResolutionAreEachReported() {
        BriefReport report = parse(MINIMAL.replace("aspect: \"16:9\"", "aspect: wide")
                .replace("resolution: 720p", "resolution: 4k\n  size: big"));
        assertThat(report.errors()).extracting(Problem::path)
                .containsExactly("params.aspect", "params.size", "params.resolution");
        assertThat(report.errors().get(2).message()).contains("allowed: 480p, 720p, 1080p");
    }

    @Test
    void anExplicitSizeIsRead() {
        BriefReport report = parse(MINIMAL.replace("resolution: 720p", "size: 1280x720"));
        assertThat(report.brief().params().size()).isEqualTo(new FrameSize(1280, 720));
    }

    @Test
    void unknownTopLevelAndParamsFieldsAreWarningsNamingTheField() {
        BriefReport report = parse(MINIMAL + "  fps: 24\ncolour: teal\n");
        assertThat(report.errors()).isEmpty();
        assertThat(report.brief()).isNotNull();
        assertThat(report.warnings()).containsExactlyInAnyOrder(
                new Problem("colour", "unknown field 'colour', ignored"),
                new Problem("params.fps", "unknown field 'fps', ignored"));
    }

    @Test
    void everyProblemIsReportedInOneReport() {
        BriefReport report = parse("""
                brief: 2
                id: ../../etc/x
                stage: editing
                params:
                  seconds: "eight"
                  seed: -4
                variations: 40
                callback: ftp://example/hook
                budget_usd: -1
                colour: teal
                """);
        assertThat(report.brief()).isNull();
        assertThat(report.errors()).extracting(Problem::path).containsExactly(
                "brief", "id", "project", "stage", "prompt", "params.seconds", "params.seed", "variations",
                "callback", "budget_usd");
        assertThat(report.warnings()).extracting(Problem::path).containsExactly("colour");
        assertThat(report.toText()).contains("10 errors:", "  params.seconds: expected a whole number",
                "1 warning:", "  colour: unknown field 'colour', ignored");
    }

    @Test
    void aDuplicateKeyIsRejected() {
        BriefReport report = parse(MINIMAL + "project: other\n");
        assertThat(report.errors()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("not valid YAML").contains("project"));
    }

    @Test
    void brokenYamlIsRejectedWithItsLine() {
        BriefReport report = parse("brief: 1\nproject: [unclosed\nprompt: x\n");
        assertThat(report.errors()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("not valid YAML").contains("line"));
    }

    @Test
    void brokenJsonIsRejectedWithItsLine() {
        BriefReport report = parser.parse(bytes("{\"brief\": 1,\n \"project\": }"), "b.json");
        assertThat(report.errors()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("not valid JSON (line 2"));
    }
}
