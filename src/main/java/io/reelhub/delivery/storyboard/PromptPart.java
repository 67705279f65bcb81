package io.reelhub.delivery.storyboard;

/**
 * One labelled part of what a shot asks the model for, as storyboard and reference sheets show it: a prompt
 * section ({@code Scene}, {@code Characters}, {@code Action}, {@code Tone}, {@code Style}) or a free-text
 * {@code Prompt}.
 */
public record PromptPart(String label, String text) {
}
