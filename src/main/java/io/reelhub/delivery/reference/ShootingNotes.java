package io.reelhub.delivery.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.reelhub.delivery.storyboard.PlannedShot;
import io.reelhub.delivery.storyboard.PromptPart;

/**
 * The camera, lighting and action notes a shooting crew reads on a reference sheet. A brief has no camera or
 * lighting section of its own (its sections are scene, characters, action, tone and style), so the notes are taken
 * from its text: the phrases of the style and scene sections that speak of lenses, framing and camera moves make
 * the camera note, those that speak of light, time of day and grade make the lighting note, and the shot's action
 * is the action note. A phrase may feed both. Nothing found is said plainly rather than guessed.
 */
public record ShootingNotes(String camera, String lighting, String action) {

    static final String NOT_IN_BRIEF = "not specified in the brief";

    private static final Pattern CAMERA = Pattern.compile("(?i)\\b(camera|lens|lenses|\\d+\\s?mm|anamorphic|"
            + "spherical|close[- ]?up|extreme close|medium shot|wide shot|wide angle|wide-angle|long shot|"
            + "establishing|angle|dolly|tracking|track(s|ing)? (in|out|with)|pan(s|ning)?|tilt(s|ing)?|crane|"
            + "jib|gimbal|handheld|hand-held|steadicam|zoom(s|ing)?|focus|depth of field|bokeh|framing|framed|"
            + "aerial|overhead shot|pov|point of view|over[- ]the[- ]shoulder|slow motion|slow-motion|\\d+\\s?fps|"
            + "frame rate|push[- ]in|pull[- ]back|static shot|locked[- ]off|film|35mm|16mm|70mm|imax)\\b");
    private static final Pattern LIGHTING = Pattern.compile("(?i)\\b(light(?!\\s+(drizzle|rain|snow|breeze|wind|"
            + "fog|mist|traffic))|lighting|lit|neon|golden hour|golden|sunset|sunrise|dawn|dusk|twilight|night|"
            + "daylight|moonlight|sunlight|shadows?|silhouetted?|backlit|back-lit|rim light|high[- ]key|"
            + "low[- ]key|contrast|glow(s|ing)?|candle(light)?|lamps?|overcast|noon|midday|flare|chiaroscuro|"
            + "practicals?|grade|graded|grading|colou?r palette|teal|orange|warm|cool tones?)\\b");
    private static final Pattern CLAUSES = Pattern.compile("\\s*[,;.]\\s*|\\s+-\\s+");

    public static ShootingNotes of(PlannedShot shot) {
        List<String> source = new ArrayList<>();
        shot.part("Style").ifPresent(source::add);
        shot.part("Scene").ifPresent(source::add);
        shot.part("Prompt").ifPresent(source::add);
        String action = shot.part("Action").or(() -> shot.part("Prompt")).orElse(NOT_IN_BRIEF);
        return new ShootingNotes(matching(source, CAMERA), matching(source, LIGHTING), action);
    }

    /** The notes as captions, in the order a crew reads them. */
    public List<PromptPart> asParts() {
        return List.of(new PromptPart("Camera", camera), new PromptPart("Lighting", lighting),
                new PromptPart("Action", action));
    }

    private static String matching(List<String> texts, Pattern words) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String text : texts) {
            for (String clause : CLAUSES.split(text)) {
                if (!clause.isBlank() && words.matcher(clause).find()) {
                    phrases.add(clause.strip());
                }
            }
        }
        return phrases.isEmpty() ? NOT_IN_BRIEF : String.join("; ", phrases);
    }
}
