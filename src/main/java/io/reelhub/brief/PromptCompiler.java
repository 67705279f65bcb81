package io.reelhub.brief;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a brief's prompt into the one string sent to a model: each present section as a labelled sentence, in the
 * fixed order scene, characters, action, tone, style ({@code Scene: ... Characters: ...}). The output depends only
 * on the prompt, so a re-run sends the same text and the lineage records exactly what was asked.
 */
public final class PromptCompiler {

    public String compile(Prompt prompt) {
        return compile(prompt, null);
    }

    /**
     * @param actionOverride a shot's action, which replaces the brief's action section for that shot; null keeps
     *                       it. A free-text prompt is used as written, followed by the shot's action.
     */
    public String compile(Prompt prompt, String actionOverride) {
        if (prompt.isFreeText()) {
            String text = oneLine(prompt.text());
            return actionOverride == null ? text : text + " " + labelled(PromptSection.ACTION, actionOverride);
        }
        List<String> sentences = new ArrayList<>();
        for (PromptSection section : PromptSection.values()) {
            String value = section == PromptSection.ACTION && actionOverride != null
                    ? actionOverride : section.valueIn(prompt);
            if (value != null && !value.isBlank()) {
                sentences.add(labelled(section, value));
            }
        }
        return String.join(" ", sentences);
    }

    private static String labelled(PromptSection section, String value) {
        String text = oneLine(value);
        boolean ended = text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
        return section.label() + ": " + text + (ended ? "" : ".");
    }

    /** YAML block scalars keep line breaks; a prompt is one paragraph. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
