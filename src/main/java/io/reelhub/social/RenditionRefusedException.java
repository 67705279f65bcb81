package io.reelhub.social;

/**
 * A clip that cannot become a platform's rendition (outside the platform's duration window), or a rendition that
 * came out outside the platform's windows. The message names the platform, what is wrong and the window, and
 * becomes the job's error; nothing is posted.
 */
public class RenditionRefusedException extends IllegalStateException {

    public RenditionRefusedException(String message) {
        super(message);
    }
}
