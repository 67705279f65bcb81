package io.reelhub.delivery.http;

/**
 * A call to a remote destination (a storyboard tool, a tracker, a review tool) that failed or was refused. The
 * message names the destination, the method and the endpoint (scheme, host, port and path: never the query, which
 * may hold a signature, nor any header) and what came back, so the reason the hub records for a parked delivery
 * says what to fix.
 */
public class DestinationCallException extends RuntimeException {

    private final int status;

    public DestinationCallException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the destination answered with; 0 when it gave no answer (refused, timed out, reset). */
    public int status() {
        return status;
    }

    /** 401 or 403: retrying will not help until someone fixes the credentials. */
    public boolean isAuthFailure() {
        return status == 401 || status == 403;
    }
}
