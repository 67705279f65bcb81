package io.reelhub.review;

/** A review decision about a job the hub does not know. */
public class NoSuchJobException extends RuntimeException {

    public NoSuchJobException(String jobId) {
        super("no job with id '" + jobId + "'");
    }
}
