package io.reelhub.delivery.notice;

/** A notice the receiver did not accept; the message never contains the URL's path or query. */
public class NoticeFailedException extends RuntimeException {

    public NoticeFailedException(String message) {
        super(message);
    }
}
