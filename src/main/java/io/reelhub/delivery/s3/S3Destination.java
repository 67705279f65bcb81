package io.reelhub.delivery.s3;

import java.util.Map;

import io.reelhub.s3.S3Access;

/**
 * Where the {@code s3-sink} kamelet delivers: a bucket, a key prefix, the store and the part size for multipart
 * uploads. Built from the exchange properties the kamelet sets ({@value #PROPERTY_PREFIX}*).
 *
 * @param prefix   the key prefix, empty or ending in '/'
 * @param partSize bytes per part; a clip larger than this is uploaded in parts
 */
public record S3Destination(String bucket, String prefix, S3Access access, long partSize) {

    /** Exchange properties the kamelet passes its parameters in; removed again after the delivery. */
    public static final String PROPERTY_PREFIX = "ReelHubS3";

    /** S3 refuses parts under 5 MiB (except the last). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3 allows at most 10,000 parts per upload. */
    static final int MAX_PARTS = 10_000;

    public S3Destination {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucketName is required: the bucket to deliver to");
        }
        bucket = bucket.trim();
        prefix = prefix == null ? "" : prefix.trim().replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least " + MIN_PART_SIZE + " bytes (5 MiB, the"
                    + " smallest part S3 accepts), was " + partSize);
        }
    }

    static S3Destination fromProperties(Map<String, Object> properties) {
        String partSize = text(properties, "PartSize");
        return new S3Destination(text(properties, "Bucket"), text(properties, "Prefix"),
                new S3Access(text(properties, "Endpoint"), text(properties, "Region"),
                        Boolean.parseBoolean(text(properties, "ForcePathStyle")), text(properties, "AccessKey"),
                        text(properties, "SecretKey")),
                partSize == null || partSize.isBlank() ? 25L * 1024 * 1024 : Long.parseLong(partSize.trim()));
    }

    private static String text(Map<String, Object> properties, String name) {
        Object value = properties.get(PROPERTY_PREFIX + name);
        return value == null ? null : value.toString();
    }

    /** {@code s3://bucket/key}, the form outputs are reported in. */
    String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
