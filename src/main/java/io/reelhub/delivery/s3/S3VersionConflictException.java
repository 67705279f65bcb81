package io.reelhub.delivery.s3;

/**
 * A delivery found different content already at one of its S3 keys. Delivered versions are never overwritten, so
 * the delivery stops; a changed clip must come as a new version.
 */
public class S3VersionConflictException extends IllegalStateException {

    public S3VersionConflictException(String uri) {
        super(uri + " is already delivered with different content; a delivered version is never overwritten, so"
                + " deliver the change as a new version");
    }
}
