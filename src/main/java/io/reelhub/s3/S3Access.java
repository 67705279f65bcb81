package io.reelhub.s3;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where and as whom the hub reaches an S3-compatible store, and the one place its S3 clients are built.
 *
 * <p>Every client sends and checks checksums only where the S3 API requires them ({@code WHEN_REQUIRED}). The AWS
 * SDK's default since 2.30 (CRC32 on every upload, validation on every download) is answered with 400 by many
 * S3-compatible stores (Ceph RGW, older MinIO, GCS interop); AWS itself accepts both. Set on the builder, so it does
 * not depend on environment variables or on which client is built first.
 *
 * @param endpoint       the store's URL for a non-AWS store (MinIO, Ceph, S3Mock); blank for AWS
 * @param region         the signing region; any value for most S3-compatible stores
 * @param forcePathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, which most
 *                       S3-compatible stores need
 * @param accessKey      blank to use the AWS default chain (environment, profile, instance role)
 * @param secretKey      blank to use the AWS default chain
 */
public record S3Access(String endpoint, String region, boolean forcePathStyle, String accessKey, String secretKey) {

    /** The region signed for when none is configured; S3-compatible stores ignore it. */
    public static final String DEFAULT_REGION = "us-east-1";

    public S3Access {
        endpoint = blankToNull(endpoint);
        region = blankToNull(region) == null ? DEFAULT_REGION : region.trim();
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("give both an S3 access key and a secret key, or neither (to use the"
                    + " AWS default credentials chain)");
        }
        if (endpoint != null) {
            URI uri = URI.create(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("the S3 endpoint must be a URL such as http://minio:9000, was '"
                        + endpoint + "'");
            }
        }
    }

    /** A new client; the caller closes it. */
    public S3Client newClient() {
        S3ClientBuilder builder = S3Client.builder()
                // Set explicitly: the SDK refuses to choose when more than one HTTP client is on the class path.
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(region))
                .forcePathStyle(forcePathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        return accessKey == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** Never prints the secret: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "S3Access[endpoint=" + (endpoint == null ? "AWS" : endpoint) + ", region=" + region
                + ", forcePathStyle=" + forcePathStyle + ", accessKey=" + (accessKey == null ? "default chain"
                : accessKey) + ", secretKey=" + (secretKey == null ? "default chain" : "****") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
