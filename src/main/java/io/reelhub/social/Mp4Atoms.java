package io.reelhub.social;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The order of an MP4's top-level boxes, read from their 8- or 16-byte headers only (never the media). Instagram and
 * the other platforms want the {@code moov} box before {@code mdat} ("fast start"), so a player and their ingest
 * can start before the whole file has arrived.
 */
final class Mp4Atoms {

    private Mp4Atoms() {
    }

    /**
     * @return true if a top-level {@code moov} comes before the first {@code mdat}; false if {@code mdat} comes
     *         first, or either is missing
     * @throws IOException if the file cannot be read
     */
    static boolean moovBeforeMdat(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position + 8 <= size) {
                header.clear().limit(8);
                channel.read(header, position);
                header.flip();
                long boxSize = Integer.toUnsignedLong(header.getInt());
                String type = new String(new byte[] {header.get(), header.get(), header.get(), header.get()},
                        StandardCharsets.ISO_8859_1);
                if ("moov".equals(type)) {
                    return true;
                }
                if ("mdat".equals(type)) {
                    return false;
                }
                if (boxSize == 1) {
                    header.clear().limit(8);
                    channel.read(header, position + 8);
                    header.flip();
                    boxSize = header.getLong();
                } else if (boxSize == 0) {
                    return false;  // the box runs to the end of the file: nothing after it
                }
                if (boxSize < 8) {
                    return false;  // not an MP4 box structure
                }
                position += boxSize;
            }
            return false;
        }
    }
}
