package io.reelhub.brief;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptLinterTest {

    private final PromptLinter linter = new PromptLinter();

    private static final Prompt GOOD = Prompt.sections(
            "Rain-soaked neon street in Tokyo at night, light drizzle",
            "A woman in her 30s, short black bob, red trench coat",
            "She walks toward camera, stops, looks up as a drone passes overhead",
            "Tense, anticipatory, slow pacing",
            "Anamorphic 35mm, shallow depth of field, teal-orange grade");

    private static Prompt withScene(String scene) {
        return Prompt.sections(scene, GOOD.characters(), GOOD.action(), GOOD.tone(), GOOD.style());
    }

    private static Prompt withCharacters(String characters) {
        return Prompt.sections(GOOD.scene(), characters, GOOD.action(), GOOD.tone(), GOOD.style());
    }

    private static Prompt withAction(String action) {
        return Prompt.sections(GOOD.scene(), GOOD.characters(), action, GOOD.tone(), GOOD.style());
    }

    @Test
    void aWellWrittenPromptGetsNoWarnings() {
        assertThat(linter.lint(GOOD, List.of())).isEmpty();
    }

    @Test
    void eachMissingSectionIsAWarningWithItsPath() {
        Prompt prompt = Prompt.sections(GOOD.scene(), GOOD.characters(), GOOD.action(), null, null);
        assertThat(linter.missingSections(prompt)).extracting(Problem::path)
                .containsExactly("prompt.tone", "prompt.style");
    }

    @Test
    void aPromptWithEverySectionMissesNone() {
        assertThat(linter.missingSections(GOOD)).isEmpty();
    }

    @Test
    void freeTextHasNoSectionsToMiss() {
        assertThat(linter.missingSections(Prompt.freeText("A cat at golden hour"))).isEmpty();
    }

    @Test
    void charactersWithoutAppearanceAreAWarning() {
        assertThat(linter.characterAppearance(withCharacters("A detective and his partner")))
                .hasValueSatisfying(p -> {
                    assertThat(p.path()).isEqualTo("prompt.characters");
                    assertThat(p.message()).contains("no appearance");
                });
    }

    @Test
    void charactersWithColourClothingHairOrAgePass() {
        assertThat(linter.characterAppearance(withCharacters("A detective in a grey raincoat"))).isEmpty();
        assertThat(linter.characterAppearance(withCharacters("An elderly fisherman"))).isEmpty();
        assertThat(linter.characterAppearance(withCharacters("A boy with curly hair"))).isEmpty();
        assertThat(linter.characterAppearance(withCharacters("A woman in her 30s"))).isEmpty();
    }

    @Test
    void aSceneWithoutPeopleNeedsNoAppearance() {
        assertThat(linter.characterAppearance(withCharacters("none"))).isEmpty();
    }

    @Test
    void noLightingInSceneOrStyleIsAWarning() {
        Prompt unlit = Prompt.sections("A street in Tokyo", GOOD.characters(), GOOD.action(), GOOD.tone(),
                "Anamorphic 35mm");
        assertThat(linter.fixedLighting(unlit)).hasValueSatisfying(p -> {
            assertThat(p.path()).isEqualTo("prompt.scene");
            assertThat(p.message()).contains("no fixed lighting");
        });
    }

    @Test
    void lightingInTheSceneOrTheStylePasses() {
        assertThat(linter.fixedLighting(withScene("A street in Tokyo at golden hour"))).isEmpty();
        assertThat(linter.fixedLighting(Prompt.sections("A street", null, null, null, "backlit, soft haze")))
                .isEmpty();
    }

    @Test
    void freeTextWithoutLightingIsAWarningOnThePrompt() {
        assertThat(linter.fixedLighting(Prompt.freeText("A cat on a windowsill")))
                .hasValueSatisfying(p -> assertThat(p.path()).isEqualTo("prompt"));
    }

    @Test
    void askingForALogoOrTextIsAWarning() {
        assertThat(linter.onScreenText(withScene("A billboard with the Acme logo, neon light"), List.of()))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("prompt.scene");
                    assertThat(p.message()).contains("logo").contains("post-production");
                });
        assertThat(linter.onScreenText(withScene("A shop sign that says OPEN, neon light"), List.of()))
                .hasSize(1);
    }

    @Test
    void quotedWordsInTheActionAreAWarning() {
        assertThat(linter.onScreenText(withAction("She holds up a card reading \"SALE\""), List.of()))
                .extracting(Problem::path).containsExactly("prompt.action");
    }

    @Test
    void onScreenTextInAShotsActionIsAWarningWithTheShotsPath() {
        List<Shot> shots = List.of(new Shot("sh010", "She walks", 4), new Shot("sh020", "A caption appears", 4));
        assertThat(linter.onScreenText(GOOD, shots)).extracting(Problem::path).containsExactly("shots[1].action");
    }

    @Test
    void wordsThatMerelyContainTextPass() {
        assertThat(linter.onScreenText(withScene("Rough stone texture, neon light, in context"), List.of()))
                .isEmpty();
    }

    @Test
    void moreCharactersThanTheLimitIsAWarning() {
        assertThat(linter.tooManyCharacters(withCharacters(
                "A man in a suit, a girl in red, an old woman and a boy in a cap")))
                .hasValueSatisfying(p -> {
                    assertThat(p.path()).isEqualTo("prompt.characters");
                    assertThat(p.message()).contains("about 4 characters");
                });
        assertThat(linter.tooManyCharacters(withCharacters("Five dancers in white"))).isPresent();
        assertThat(linter.tooManyCharacters(withCharacters("A crowd of commuters"))).isPresent();
    }

    @Test
    void oneCharacterDescribedWithCommasIsStillOne() {
        assertThat(linter.countCharacters("A woman in her 30s, short black bob, red trench coat")).isEqualTo(1);
        assertThat(linter.tooManyCharacters(GOOD)).isEmpty();
    }

    @Test
    void theCharacterLimitIsAConstructorParameter() {
        Prompt two = withCharacters("A man in a suit and a woman in red");
        assertThat(new PromptLinter(1).tooManyCharacters(two)).isPresent();
        assertThat(new PromptLinter(2).tooManyCharacters(two)).isEmpty();
    }

    @Test
    void severalActionsWithoutTransitionWordsAreAWarning() {
        assertThat(linter.transitions(withAction("He runs, jumps, lands on the roof"), List.of()))
                .extracting(Problem::path).containsExactly("prompt.action");
    }

    @Test
    void severalActionsJoinedByTransitionWordsPass() {
        assertThat(linter.transitions(withAction("He runs, then jumps before landing on the roof"), List.of()))
                .isEmpty();
        assertThat(linter.transitions(GOOD, List.of())).isEmpty();
    }

    @Test
    void aSingleActionNeedsNoTransition() {
        assertThat(linter.transitions(withAction("She walks toward camera"), List.of())).isEmpty();
    }

    @Test
    void shotActionsAreCheckedForTransitionsToo() {
        List<Shot> shots = List.of(new Shot("sh010", "He turns, runs, jumps", 4));
        assertThat(linter.transitions(withAction("He waits"), shots)).extracting(Problem::path)
                .containsExactly("shots[0].action");
    }
}
