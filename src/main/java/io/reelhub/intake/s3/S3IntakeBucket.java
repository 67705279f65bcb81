package io.reelhub.intake.s3;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link IntakeBucket} on a real S3-compatible store. */
final class S3IntakeBucket implements IntakeBucket {

    private final S3Client s3;

    S3IntakeBucket(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public boolean exists(String bucket, String key) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception e) {
            // HEAD answers carry no body, so a missing key may arrive as a bare 404
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public void move(String bucket, String fromKey, String toKey) {
        s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(fromKey).destinationBucket(bucket)
                .destinationKey(toKey));
        s3.deleteObject(delete -> delete.bucket(bucket).key(fromKey));
    }
}
