package io.reelhub.intake.s3;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.reelhub.s3.S3Access;

/**
 * The S3 intake channel ({@code reelhub.intake.s3.*}). The route {@code intake-s3} reads the same keys for what
 * the Camel consumer needs (bucket, prefix, poll interval, objects per poll).
 *
 * @param enabled        whether the channel runs at all (off by default)
 * @param bucket         the bucket briefs are uploaded to
 * @param prefix         the "folder" briefs are uploaded to, ending in '/' (empty = the bucket's top level);
 *                       {@code processed/} and {@code failed/} are created under it
 * @param endpoint       an S3-compatible store's URL (MinIO, Ceph, S3Mock); empty for AWS
 * @param region         the signing region
 * @param forcePathStyle path-style URLs, which most S3-compatible stores need
 * @param accessKey      defaults to {@code AWS_ACCESS_KEY_ID}; empty = the AWS default chain
 * @param secretKey      defaults to {@code AWS_SECRET_ACCESS_KEY}; empty = the AWS default chain
 * @param maxAttempts    failed handlings of one object before it is set aside in failed/ with the reason
 * @param lease          how long one node may work on an object before another node may take it over
 */
@ConfigurationProperties(prefix = "reelhub.intake.s3")
public record S3IntakeProperties(
        boolean enabled,
        String bucket,
        String prefix,
        String endpoint,
        String region,
        boolean forcePathStyle,
        String accessKey,
        String secretKey,
        Integer maxAttempts,
        Duration lease) {

    public S3IntakeProperties {
        prefix = prefix == null ? "" : prefix.trim();
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
    }

    /** Fails with what to change when the channel is switched on with settings it cannot work with. */
    void check() {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("reelhub.intake.s3.bucket is required when the S3 intake is enabled");
        }
        if (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/"))) {
            throw new IllegalStateException("reelhub.intake.s3.prefix must be a folder such as 'incoming/' (ending"
                    + " in '/', not starting with one) or empty, was '" + prefix + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalStateException("reelhub.intake.s3.max-attempts must be 1 or more, was " + maxAttempts);
        }
    }

    S3Access access() {
        return new S3Access(endpoint, region, forcePathStyle, accessKey, secretKey);
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "S3IntakeProperties[enabled=" + enabled + ", bucket=" + bucket + ", prefix=" + prefix + ", "
                + access() + ", maxAttempts=" + maxAttempts + ", lease=" + lease + "]";
    }
}
