package io.reelhub.delivery.storyboard;

import java.util.List;
import java.util.Optional;

/**
 * One shot of a brief as the shot list shows it: where it sits in the brief's timeline and what was asked for it.
 * Everything here comes from the brief and the plan made at intake, never from a rendered clip, so every shot of a
 * brief writes the same shot list, byte for byte, and a re-delivery finds it identical.
 *
 * @param order        1-based place in the brief's timeline
 * @param seconds      the length asked for
 * @param startSeconds where the shot starts in the brief's timeline (the planned lengths of the shots before it)
 * @param prompt       the prompt as sent for this shot: the brief's sections with the shot's own action
 * @param seed         null when the model takes none
 */
public record PlannedShot(
        String id,
        int order,
        int seconds,
        double startSeconds,
        double endSeconds,
        List<PromptPart> prompt,
        String model,
        Long seed) {

    public PlannedShot {
        prompt = List.copyOf(prompt);
    }

    /** The text of the part labelled {@code label} ({@code Action}, {@code Style}...), if the prompt has one. */
    public Optional<String> part(String label) {
        return prompt.stream().filter(p -> p.label().equalsIgnoreCase(label)).map(PromptPart::text).findFirst();
    }
}
