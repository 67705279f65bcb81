package io.reelhub.delivery.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A byte range of a file, read from disk each time it is needed (the SDK may read a body twice, to sign it and to
 * send it, and again on a retry), so a part of a multi-gigabyte clip never sits in memory.
 */
record FileSlice(Path file, long offset, long length) {

    InputStream open() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
        return new BoundedStream(Channels.newInputStream(channel), length);
    }

    RequestBody body() {
        return RequestBody.fromContentProvider(() -> {
            try {
                return open();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
        }, length, "application/octet-stream");
    }

    /** Base64 of the slice's MD5, for {@code Content-MD5}: S3 refuses a part or object that arrives different. */
    String md5() throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
        try (InputStream in = new DigestInputStream(open(), md5)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
