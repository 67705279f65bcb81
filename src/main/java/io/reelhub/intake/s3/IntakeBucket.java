package io.reelhub.intake.s3;

/**
 * What the S3 intake does to a bucket besides reading: look for a name, store a small report, move an object.
 * Kept this narrow so the intake's decisions can be tested without a server.
 */
interface IntakeBucket {

    boolean exists(String bucket, String key);

    void put(String bucket, String key, byte[] content, String contentType);

    /**
     * Copies {@code fromKey} to {@code toKey} in the same bucket, then deletes {@code fromKey}. S3 has no rename:
     * a failure between the two leaves both, which the ledger turns into a retried move, never a second intake.
     */
    void move(String bucket, String fromKey, String toKey);
}
