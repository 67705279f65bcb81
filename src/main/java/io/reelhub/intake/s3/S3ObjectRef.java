package io.reelhub.intake.s3;

/**
 * One version of one object: the same key with other content (another ETag) is another object to the intake.
 *
 * @param etag the ETag as S3 sends it, quotes removed
 */
record S3ObjectRef(String bucket, String key, String etag) {

    static S3ObjectRef of(String bucket, String key, String etag) {
        if (bucket == null || key == null || etag == null || etag.isBlank()) {
            throw new IllegalArgumentException("an S3 object needs a bucket, a key and an ETag, had " + bucket + ", "
                    + key + ", " + etag);
        }
        return new S3ObjectRef(bucket, key, etag.replace("\"", "").trim());
    }

    /** The audit form recorded on jobs, {@code s3:<bucket>/<key>}, cut to the 1000 characters the ledger keeps. */
    String source() {
        String source = "s3:" + bucket + "/" + key;
        return source.length() <= 1000 ? source : source.substring(0, 997) + "...";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key + " (ETag " + etag + ")";
    }
}
