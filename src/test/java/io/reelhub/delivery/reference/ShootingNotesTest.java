package io.reelhub.delivery.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelhub.delivery.storyboard.PlannedShot;
import io.reelhub.delivery.storyboard.PromptPart;

/** Camera and lighting notes are taken from the brief's style and scene text, since a brief has no such sections. */
class ShootingNotesTest {

    @Test
    void lensAndFramingPhrasesMakeTheCameraNoteAndLightPhrasesTheLightingNote() {
        ShootingNotes notes = ShootingNotes.of(shot(
                new PromptPart("Scene", "A quiet harbour at dawn, soft golden light"),
                new PromptPart("Action", "He coils a rope, then looks up"),
                new PromptPart("Style", "35mm film, slow dolly in, natural light")));

        assertThat(notes.camera()).isEqualTo("35mm film; slow dolly in");
        assertThat(notes.lighting()).isEqualTo("natural light; A quiet harbour at dawn; soft golden light");
        assertThat(notes.action()).isEqualTo("He coils a rope, then looks up");
    }

    @Test
    void weatherCalledLightIsNotLighting() {
        ShootingNotes notes = ShootingNotes.of(shot(new PromptPart("Scene", "An empty road, light drizzle")));

        assertThat(notes.lighting()).isEqualTo(ShootingNotes.NOT_IN_BRIEF);
        assertThat(notes.camera()).isEqualTo(ShootingNotes.NOT_IN_BRIEF);
        assertThat(notes.action()).isEqualTo(ShootingNotes.NOT_IN_BRIEF);
    }

    @Test
    void aFreeTextPromptFeedsAllThreeNotes() {
        ShootingNotes notes = ShootingNotes.of(shot(new PromptPart("Prompt",
                "Handheld close-up of a chef at night, lit by a single lamp")));

        assertThat(notes.camera()).isEqualTo("Handheld close-up of a chef at night");
        assertThat(notes.lighting()).isEqualTo("Handheld close-up of a chef at night; lit by a single lamp");
        assertThat(notes.action()).isEqualTo("Handheld close-up of a chef at night, lit by a single lamp");
        assertThat(notes.asParts()).extracting(PromptPart::label).containsExactly("Camera", "Lighting", "Action");
    }

    private static PlannedShot shot(PromptPart... parts) {
        return new PlannedShot("sh010", 1, 4, 0, 4, List.of(parts), "veo-3.1", 42L);
    }
}
