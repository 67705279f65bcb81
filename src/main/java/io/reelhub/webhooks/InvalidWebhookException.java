package io.reelhub.webhooks;

/** A webhook that failed verification; it changes nothing. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message) {
        super(message);
    }
}
