package io.reelhub.media;

import java.util.Objects;

/**
 * A titled paragraph printed beside the frames of a contact-sheet PDF: a section of the brief ({@code scene},
 * {@code camera}, {@code lighting}, ...) and its text.
 */
public record Caption(String label, String text) {

    public Caption {
        label = Objects.requireNonNullElse(label, "");
        text = Objects.requireNonNullElse(text, "");
    }
}
