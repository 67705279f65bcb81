package io.reelhub.brief;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptCompilerTest {

    private final PromptCompiler compiler = new PromptCompiler();

    private final Prompt neonStreet = Prompt.sections(
            "Rain-soaked neon street in Tokyo at night, light drizzle",
            "A woman in her 30s, short black bob, red trench coat",
            "She walks toward camera, stops, looks up as a drone passes overhead",
            "Tense, anticipatory, slow pacing",
            "Anamorphic 35mm, shallow depth of field, teal-orange grade");

    @Test
    void theFiveSectionsBecomeLabelledSentencesInAFixedOrder() {
        assertThat(compiler.compile(neonStreet)).isEqualTo(
                "Scene: Rain-soaked neon street in Tokyo at night, light drizzle."
                        + " Characters: A woman in her 30s, short black bob, red trench coat."
                        + " Action: She walks toward camera, stops, looks up as a drone passes overhead."
                        + " Tone: Tense, anticipatory, slow pacing."
                        + " Style: Anamorphic 35mm, shallow depth of field, teal-orange grade.");
    }

    @Test
    void missingSectionsAreLeftOutAndEndingPunctuationIsNotDoubled() {
        Prompt prompt = Prompt.sections("A harbour at dawn.", null, "Gulls circle!", null, null);
        assertThat(compiler.compile(prompt)).isEqualTo("Scene: A harbour at dawn. Action: Gulls circle!");
    }

    @Test
    void aShotsActionReplacesTheBriefsAction() {
        assertThat(compiler.compile(neonStreet, "She turns away"))
                .contains("Action: She turns away.")
                .doesNotContain("drone");
    }

    @Test
    void freeTextIsUsedAsWritten() {
        assertThat(compiler.compile(Prompt.freeText("A cat on a windowsill, golden hour")))
                .isEqualTo("A cat on a windowsill, golden hour");
    }

    @Test
    void freeTextIsFollowedByAShotsAction() {
        assertThat(compiler.compile(Prompt.freeText("A cat on a windowsill."), "It yawns"))
                .isEqualTo("A cat on a windowsill. Action: It yawns.");
    }

    @Test
    void lineBreaksFromYamlBlockScalarsBecomeSpaces() {
        Prompt prompt = Prompt.sections("A street\n  at night\n", null, null, null, null);
        assertThat(compiler.compile(prompt)).isEqualTo("Scene: A street at night.");
    }

    @Test
    void theSamePromptAlwaysCompilesToTheSameText() {
        assertThat(compiler.compile(neonStreet)).isEqualTo(new PromptCompiler().compile(neonStreet));
    }
}
