package io.reelhub.brief;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The five sections of a structured prompt, in the order they are compiled and linted. */
public enum PromptSection {
    SCENE("scene", "Scene", Prompt::scene),
    CHARACTERS("characters", "Characters", Prompt::characters),
    ACTION("action", "Action", Prompt::action),
    TONE("tone", "Tone", Prompt::tone),
    STYLE("style", "Style", Prompt::style);

    private final String fieldName;
    private final String label;
    private final Function<Prompt, String> value;

    PromptSection(String fieldName, String label, Function<Prompt, String> value) {
        this.fieldName = fieldName;
        this.label = label;
        this.value = value;
    }

    /** The field name in a brief, e.g. {@code characters}. */
    public String fieldName() {
        return fieldName;
    }

    /** The label used in a compiled prompt, e.g. {@code Characters}. */
    public String label() {
        return label;
    }

    /** The path of this section in a brief, for problems. */
    public String path() {
        return "prompt." + fieldName;
    }

    public String valueIn(Prompt prompt) {
        return value.apply(prompt);
    }

    public static Optional<PromptSection> fromField(String name) {
        return Arrays.stream(values()).filter(s -> s.fieldName.equals(name)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(PromptSection::fieldName).collect(Collectors.joining(", "));
    }
}
