package io.reelhub.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} → video id, persisted in {@code idempotency-keys.json}. Keys are kept for the life of the
 * sandbox state (a real provider forgets them after a day or so; tests never run that long).
 */
@Component
@ConditionalOnSandboxEnabled
public class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final Path file;
    private final Map<String, String> videoIds = new LinkedHashMap<>();

    public IdempotencyKeys(SandboxPaths paths, SandboxVideoStore store) {
        this.file = paths.idempotencyKeys();
        load();
        // The key is written into the video's own file first and into this map second, so after a crash between
        // the two writes the video knows its key and the map does not yet: repair from the videos.
        boolean repaired = false;
        for (SandboxVideo video : store.all()) {
            if (video.idempotencyKey() != null && !videoIds.containsKey(video.idempotencyKey())) {
                videoIds.put(video.idempotencyKey(), video.id());
                repaired = true;
            }
        }
        if (repaired) {
            AtomicJsonFile.write(file, videoIds);
        }
    }

    public synchronized Optional<String> videoFor(String key) {
        return Optional.ofNullable(videoIds.get(key));
    }

    public synchronized void remember(String key, String videoId) {
        videoIds.put(key, videoId);
        AtomicJsonFile.write(file, videoIds);
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            videoIds.putAll(AtomicJsonFile.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            log.warn("Unreadable {} ({}); rebuilding it from the videos' own records", file, e.getMessage());
        }
    }
}
