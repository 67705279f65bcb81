package io.reelhub.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Wraps a real {@link S3Client} and breaks chosen calls the way a real store breaks them (a 500 from DeleteObject,
 * a CopyObject that always fails, a part upload that dies), so a test can drive the hub into the half-done states
 * that matter. Two calls are made to behave as AWS documents them where S3Mock 4.12.4 differs:
 * <ul>
 *   <li>ListObjects (v1) returns a {@code NextMarker} only when a delimiter was given; S3Mock returns one always,
 *       which would hide the starvation trap of PITFALLS.md 2.2.</li>
 *   <li>AbortMultipartUpload discards the upload's parts only; S3Mock also removes an existing object of the same
 *       key (its {@code abortMultipartUpload} calls {@code removeFromBucket(key)}), so the object is set aside
 *       before and put back after.</li>
 * </ul>
 */
public final class FaultyS3 {

    private final Map<String, AtomicInteger> failingDeletes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deleteFailures = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Predicate<CopyObjectRequest>> failingCopies = new CopyOnWriteArrayList<>();
    private final AtomicInteger copyFailures = new AtomicInteger();
    private volatile Predicate<UploadPartRequest> failingParts = part -> false;
    private volatile Predicate<String> hiddenFromHead = key -> false;
    private final Map<String, AtomicInteger> hiddenHeads = new ConcurrentHashMap<>();
    private volatile int hideTimes;

    /** The next {@code times} DeleteObject calls for {@code key} answer 500. */
    public FaultyS3 failDelete(String key, int times) {
        failingDeletes.put(key, new AtomicInteger(times));
        return this;
    }

    /** Every CopyObject matching {@code when} answers 500. */
    public FaultyS3 failCopies(Predicate<CopyObjectRequest> when) {
        failingCopies.add(when);
        return this;
    }

    /** Every UploadPart matching {@code when} fails as if the connection dropped. */
    public FaultyS3 failParts(Predicate<UploadPartRequest> when) {
        failingParts = when;
        return this;
    }

    /**
     * The first {@code times} HeadObject calls for each matching key answer 404 even when the object exists: the
     * checks of a writer that another writer overtakes before its write.
     */
    public FaultyS3 hideFromHead(Predicate<String> keys, int times) {
        hiddenFromHead = keys;
        hideTimes = times;
        return this;
    }

    public int deleteFailures(String key) {
        AtomicInteger count = deleteFailures.get(key);
        return count == null ? 0 : count.get();
    }

    public int copyFailures() {
        return copyFailures.get();
    }

    public S3Client wrap(S3Client real) {
        InvocationHandler handler = (proxy, method, args) -> {
            // The builder-style overloads build the request and call the proxy again, so the rules see every call.
            if (method.isDefault() && args != null && args.length > 0 && args[0] instanceof Consumer<?>) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Object request = args == null || args.length == 0 ? null : args[0];
            if (request instanceof DeleteObjectRequest delete) {
                AtomicInteger left = failingDeletes.get(delete.key());
                if (left != null && left.getAndDecrement() > 0) {
                    deleteFailures.computeIfAbsent(delete.key(), k -> new AtomicInteger()).incrementAndGet();
                    throw serverError("DeleteObject " + delete.key());
                }
            }
            if (request instanceof CopyObjectRequest copy && failingCopies.stream().anyMatch(p -> p.test(copy))) {
                copyFailures.incrementAndGet();
                throw serverError("CopyObject " + copy.sourceKey() + " -> " + copy.destinationKey());
            }
            if (request instanceof UploadPartRequest part && failingParts.test(part)) {
                throw new java.io.UncheckedIOException(new java.io.IOException("connection reset while uploading"
                        + " part " + part.partNumber() + " of " + part.key()));
            }
            if (request instanceof HeadObjectRequest head && hiddenFromHead.test(head.key())
                    && hiddenHeads.computeIfAbsent(head.key(), k -> new AtomicInteger())
                            .getAndIncrement() < hideTimes) {
                throw NoSuchKeyException.builder().statusCode(404).message("hidden by the test").build();
            }
            if (request instanceof AbortMultipartUploadRequest abort) {
                return abortKeepingTheObject(real, abort);
            }
            Object answer = invoke(real, method, args);
            if (request instanceof ListObjectsRequest list && list.delimiter() == null
                    && answer instanceof ListObjectsResponse page) {
                return page.toBuilder().nextMarker(null).build();
            }
            return answer;
        };
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                handler);
    }

    private static Object abortKeepingTheObject(S3Client real, AbortMultipartUploadRequest abort) {
        String kept = abort.key() + ".kept-by-faulty-s3";
        boolean exists;
        try {
            real.headObject(head -> head.bucket(abort.bucket()).key(abort.key()));
            exists = true;
        } catch (NoSuchKeyException missing) {
            exists = false;
        }
        if (exists) {
            real.copyObject(copy -> copy.sourceBucket(abort.bucket()).sourceKey(abort.key())
                    .destinationBucket(abort.bucket()).destinationKey(kept));
        }
        Object answer = real.abortMultipartUpload(abort);
        if (exists) {
            real.copyObject(copy -> copy.sourceBucket(abort.bucket()).sourceKey(kept)
                    .destinationBucket(abort.bucket()).destinationKey(abort.key()));
            real.deleteObject(delete -> delete.bucket(abort.bucket()).key(kept));
        }
        return answer;
    }

    private static Object invoke(S3Client real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static S3Exception serverError(String what) {
        return (S3Exception) S3Exception.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalError")
                        .errorMessage("injected failure of " + what).build())
                .message("injected failure of " + what).build();
    }
}
