package io.reelhub.brief;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the brief asks to see: either the five sections (scene setting, characters, action sequence, emotional
 * tone, cinematic style), any of which may be absent, or one free text in {@code text}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prompt(String scene, String characters, String action, String tone, String style, String text) {

    public static Prompt freeText(String text) {
        return new Prompt(null, null, null, null, null, text);
    }

    public static Prompt sections(String scene, String characters, String action, String tone, String style) {
        return new Prompt(scene, characters, action, tone, style, null);
    }

    public boolean isFreeText() {
        return text != null;
    }
}
