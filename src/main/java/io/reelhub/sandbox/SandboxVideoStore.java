package io.reelhub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sandbox's videos: held in memory, each persisted as its own JSON file on every change, reloaded at start-up.
 * Ids look like OpenAI's ({@code video_} + 48 hex digits) and embed the creation sequence, so list cursors keep
 * working when the video they name has been deleted.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxVideoStore {

    private static final Logger log = LoggerFactory.getLogger(SandboxVideoStore.class);
    private static final Pattern ID = Pattern.compile("video_[0-9a-f]{48}");

    private final SandboxPaths paths;
    private final Map<String, SandboxVideo> videos = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private long lastSequence;

    public SandboxVideoStore(SandboxPaths paths) {
        this.paths = paths;
        load();
    }

    /** Creates and persists a video; {@code build} receives the new id and sequence number. */
    public synchronized SandboxVideo create(BiFunction<String, Long, SandboxVideo> build) {
        long sequence = ++lastSequence;
        SandboxVideo video = build.apply(newId(sequence), sequence);
        AtomicJsonFile.write(paths.metadata(video.id()), video);
        videos.put(video.id(), video);
        return video;
    }

    public Optional<SandboxVideo> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(videos.get(id));
    }

    /** Applies {@code change} and persists the result; empty if the video does not exist (any more). */
    public synchronized Optional<SandboxVideo> update(String id, UnaryOperator<SandboxVideo> change) {
        SandboxVideo current = videos.get(id);
        if (current == null) {
            return Optional.empty();
        }
        SandboxVideo next = change.apply(current);
        if (!next.equals(current)) {
            AtomicJsonFile.write(paths.metadata(id), next);
            videos.put(id, next);
        }
        return Optional.of(next);
    }

    /** Every video, oldest first. */
    public List<SandboxVideo> all() {
        return videos.values().stream().sorted(Comparator.comparingLong(SandboxVideo::sequence)).toList();
    }

    /** Forgets a video and deletes its files; false if there was no such video. */
    public synchronized boolean delete(String id) {
        if (videos.remove(id) == null) {
            return false;
        }
        deleteAssets(id);
        deleteQuietly(paths.metadata(id));
        return true;
    }

    /** Deletes a video's clip and thumbnail, keeping its metadata (what an expired video looks like). */
    public void deleteAssets(String id) {
        deleteQuietly(paths.clip(id));
        deleteQuietly(paths.thumbnail(id));
    }

    /** The creation sequence encoded in a video id, or -1 if the text is not a sandbox video id. */
    public static long sequenceOf(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return -1;
        }
        return Long.parseUnsignedLong(id.substring(14, 22), 16);
    }

    private String newId(long sequence) {
        byte[] noise = new byte[16];
        random.nextBytes(noise);
        return String.format("video_%08x%08x%s", Instant.now().getEpochSecond() & 0xffffffffL,
                sequence & 0xffffffffL, HexFormat.of().formatHex(noise));
    }

    private void load() {
        Path dir = paths.videos();
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.contains(AtomicJsonFile.TEMP_MARKER) || name.endsWith(".part")) {
                        // Half-written leftovers of a crash; the job they belonged to is re-rendered.
                        deleteQuietly(file);
                    } else if (name.endsWith(".json")) {
                        loadOne(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the sandbox state in " + dir, e);
        }
        lastSequence = videos.values().stream().mapToLong(SandboxVideo::sequence).max().orElse(0);
        log.info("Sandbox store: {} video(s) in {}", videos.size(), dir);
    }

    private void loadOne(Path file) {
        try {
            SandboxVideo video = AtomicJsonFile.read(file, SandboxVideo.class);
            videos.put(video.id(), video);
        } catch (IOException e) {
            // Files are replaced atomically, so this is damage from outside; keep it for inspection, skip it.
            log.warn("Skipping unreadable sandbox video file {}: {}", file, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
