package io.reelhub.delivery.storyboard.boords;

import java.net.URI;
import java.nio.file.Path;

/**
 * A frame to create in a Boords storyboard: its stable reference (how a re-delivery finds it), its place, its text
 * and its image, either as a file to send base64-encoded or as a URL for Boords to fetch.
 *
 * @param sortOrder orders frames across the shots of a brief, delivered at different times
 * @param action    the frame's action text: what happens in the shot
 * @param notes     the frame's notes: the rest of the prompt and the lineage
 */
record BoordsFrame(String reference, int sortOrder, String action, String notes, Path imageFile, URI imageUrl) {

    BoordsFrame {
        if ((imageFile == null) == (imageUrl == null)) {
            throw new IllegalArgumentException("a frame has its image either as a file or as a URL");
        }
    }
}
