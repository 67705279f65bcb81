package io.reelhub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The sandbox's on-disk state format: one JSON document per file, replaced atomically (write a temporary sibling,
 * force it to disk, rename over the old file), so a crash at any instant leaves either the old or the new version.
 * Uses its own mapper: the files must not change shape when the application's Jackson settings do.
 */
final class AtomicJsonFile {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static final String TEMP_MARKER = ".tmp-";

    private AtomicJsonFile() {
    }

    static void write(Path file, Object value) {
        Path temp = file.resolveSibling(file.getFileName() + TEMP_MARKER + UUID.randomUUID());
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = MAPPER.writeValueAsBytes(value);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The temp file is swept at the next start.
            }
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }
}
