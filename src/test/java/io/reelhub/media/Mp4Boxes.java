package io.reelhub.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The top-level boxes of an MP4 file in file order ({@code ftyp}, {@code moov}, {@code mdat}, ...). */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    static List<String> topLevel(Path file) throws IOException {
        List<String> types = new ArrayList<>();
        long fileSize = Files.size(file);
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            long position = 0;
            while (position < fileSize) {
                long size = Integer.toUnsignedLong(in.readInt());
                byte[] type = new byte[4];
                in.readFully(type);
                long header = 8;
                if (size == 1) {
                    size = in.readLong();
                    header = 16;
                } else if (size == 0) {
                    size = fileSize - position;
                }
                types.add(new String(type, StandardCharsets.ISO_8859_1));
                if (size < header) {
                    throw new IOException("box " + types.get(types.size() - 1) + " has an impossible size " + size);
                }
                long skip = size - header;
                while (skip > 0) {
                    long skipped = in.skip(skip);
                    if (skipped <= 0) {
                        throw new EOFException("box runs past the end of the file");
                    }
                    skip -= skipped;
                }
                position += size;
            }
        }
        return types;
    }
}
