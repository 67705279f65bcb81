package io.reelhub.delivery.s3;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import io.reelhub.delivery.bin.FileDigest;

/**
 * Puts objects into a bucket so that an object already there is never replaced. Every write is conditional
 * ({@code If-None-Match: *}, on PutObject and on CompleteMultipartUpload): of two writers of one key only the first
 * succeeds, and the other gets 412. A 412, or an object found in place, is then compared with what would have been
 * written: the same content is a re-delivery that succeeds without writing, different content a
 * {@link S3VersionConflictException}.
 *
 * <p>Each object carries its SHA-256 in the metadata {@value #SHA256_METADATA}, so a re-delivery is recognised from
 * a HEAD request; an object without it is downloaded (streamed) and hashed. A file larger than the part size is
 * uploaded in parts read from disk one at a time, each with its Content-MD5; a failed multipart upload is aborted,
 * and an upload of the same key left behind by a crash is aborted before a new one starts.
 */
final class NoOverwriteUploader {

    static final String SHA256_METADATA = "reelhub-sha256";
    /** Objects compared by content are the hub's small sidecars; anything bigger at their name is not one. */
    private static final long MAX_COMPARED_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(NoOverwriteUploader.class);

    /** What an object found at a key is, compared with what would be written there. */
    enum Found { NOTHING, SAME, DIFFERENT }

    /** How to tell whether bytes already stored are "the same" as the entry's (e.g. a sidecar but its time). */
    @FunctionalInterface
    interface SameContent {
        boolean matches(byte[] existing) throws IOException;
    }

    /** One object to place: a file streamed from disk, or small bytes generated for it. */
    sealed interface Entry permits FileEntry, BytesEntry {
        String key();

        String sha256();

        String contentType();
    }

    record FileEntry(String key, FileDigest digest, java.nio.file.Path file, String contentType) implements Entry {
        @Override
        public String sha256() {
            return digest.sha256();
        }
    }

    record BytesEntry(String key, byte[] content, SameContent sameContent, String contentType) implements Entry {
        @Override
        public String sha256() {
            return sha256Of(content);
        }
    }

    private final S3Client s3;
    private final S3Destination destination;

    NoOverwriteUploader(S3Client s3, S3Destination destination) {
        this.s3 = s3;
        this.destination = destination;
    }

    /** Fails if {@code entry}'s key holds different content; nothing is written. */
    void checkNoConflict(Entry entry) throws IOException {
        if (find(entry) == Found.DIFFERENT) {
            throw new S3VersionConflictException(destination.uri(entry.key()));
        }
    }

    /**
     * Uploads {@code entry} unless the same content is already there.
     *
     * @return true if it was written, false if an identical object was already in place
     */
    boolean place(Entry entry) throws IOException {
        Found found = find(entry);
        if (found == Found.SAME) {
            return false;
        }
        if (found == Found.DIFFERENT) {
            throw new S3VersionConflictException(destination.uri(entry.key()));
        }
        try {
            if (entry instanceof FileEntry file && file.digest().sizeBytes() > destination.partSize()) {
                uploadInParts(file);
            } else {
                uploadWhole(entry);
            }
            return true;
        } catch (S3Exception e) {
            // 412 is S3's answer to a failed If-None-Match; S3Mock answers a conditional CompleteMultipartUpload 304
            if (e.statusCode() != 412 && e.statusCode() != 304) {
                throw e;
            }
            // Someone wrote the key between our look and our write: fine if it is this very content.
            Found written = find(entry);
            if (written == Found.DIFFERENT) {
                throw new S3VersionConflictException(destination.uri(entry.key()));
            }
            if (written == Found.NOTHING) {
                throw e; // and gone again: the delivery's retry will look afresh
            }
            LOG.info("{} was written by a concurrent delivery of the same content", destination.uri(entry.key()));
            return false;
        }
    }

    private void uploadWhole(Entry entry) throws IOException {
        RequestBody body;
        String md5;
        if (entry instanceof FileEntry file) {
            FileSlice whole = new FileSlice(file.file(), 0, file.digest().sizeBytes());
            body = whole.body();
            md5 = whole.md5();
        } else {
            byte[] content = ((BytesEntry) entry).content();
            body = RequestBody.fromBytes(content);
            md5 = md5Of(content);
        }
        s3.putObject(put -> put.bucket(destination.bucket()).key(entry.key()).contentType(entry.contentType())
                .contentMD5(md5).metadata(Map.of(SHA256_METADATA, entry.sha256())).ifNoneMatch("*"), body);
    }

    private void uploadInParts(FileEntry entry) throws IOException {
        long size = entry.digest().sizeBytes();
        long partSize = Math.max(destination.partSize(), -Math.floorDiv(-size, S3Destination.MAX_PARTS));
        abortLeftovers(entry.key());
        String uploadId = s3.createMultipartUpload(create -> create.bucket(destination.bucket()).key(entry.key())
                .contentType(entry.contentType()).metadata(Map.of(SHA256_METADATA, entry.sha256()))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                FileSlice slice = new FileSlice(entry.file(), offset, Math.min(partSize, size - offset));
                int partNumber = number;
                String md5 = slice.md5();
                String etag = s3.uploadPart(part -> part.bucket(destination.bucket()).key(entry.key())
                        .uploadId(uploadId).partNumber(partNumber).contentLength(slice.length()).contentMD5(md5),
                        slice.body()).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(complete -> complete.bucket(destination.bucket()).key(entry.key())
                    .uploadId(uploadId).ifNoneMatch("*").multipartUpload(upload -> upload.parts(parts)));
            LOG.debug("Uploaded {} in {} parts", destination.uri(entry.key()), parts.size());
        } catch (IOException | RuntimeException e) {
            abort(entry.key(), uploadId, e);
            throw e;
        }
    }

    /** Aborts unfinished uploads of {@code key} (a crash mid-upload leaves one, holding its parts' storage). */
    private void abortLeftovers(String key) {
        List<MultipartUpload> leftovers = s3.listMultipartUploads(list -> list.bucket(destination.bucket())
                .prefix(key)).uploads();
        for (MultipartUpload upload : leftovers) {
            if (key.equals(upload.key())) {
                LOG.info("Aborting the unfinished upload {} of {} (started {}), left by an earlier attempt",
                        upload.uploadId(), destination.uri(key), upload.initiated());
                s3.abortMultipartUpload(abort -> abort.bucket(destination.bucket()).key(key)
                        .uploadId(upload.uploadId()));
            }
        }
    }

    private void abort(String key, String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(destination.bucket()).key(key).uploadId(uploadId));
        } catch (RuntimeException abortFailed) {
            // the next delivery of this key aborts it (abortLeftovers); a lifecycle rule catches the rest
            cause.addSuppressed(abortFailed);
        }
    }

    private Found find(Entry entry) throws IOException {
        Optional<HeadObjectResponse> head = head(entry.key());
        if (head.isEmpty()) {
            return Found.NOTHING;
        }
        if (entry.sha256().equals(head.get().metadata().get(SHA256_METADATA))) {
            return Found.SAME;
        }
        if (entry instanceof FileEntry file) {
            return head.get().contentLength() == file.digest().sizeBytes()
                    && file.sha256().equals(downloadSha256(entry.key())) ? Found.SAME : Found.DIFFERENT;
        }
        if (head.get().contentLength() > MAX_COMPARED_BYTES) {
            return Found.DIFFERENT;
        }
        byte[] existing = s3.getObjectAsBytes(get -> get.bucket(destination.bucket()).key(entry.key()))
                .asByteArray();
        return ((BytesEntry) entry).sameContent().matches(existing) ? Found.SAME : Found.DIFFERENT;
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(head -> head.bucket(destination.bucket()).key(key)));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String downloadSha256(String key) throws IOException {
        MessageDigest sha = newDigest("SHA-256");
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(get -> get.bucket(destination.bucket())
                .key(key)); InputStream digesting = new DigestInputStream(in, sha)) {
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256Of(byte[] content) {
        return HexFormat.of().formatHex(newDigest("SHA-256").digest(content));
    }

    private static String md5Of(byte[] content) {
        return java.util.Base64.getEncoder().encodeToString(newDigest("MD5").digest(content));
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + algorithm, e);
        }
    }
}
