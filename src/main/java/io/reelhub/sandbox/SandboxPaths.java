package io.reelhub.sandbox;

import java.nio.file.Path;

/**
 * Where the sandbox keeps its state: {@code ${reelhub.home}/sandbox/}. Video metadata and assets live in
 * {@code videos/} ({@code <id>.json}, {@code <id>.mp4}, {@code <id>.webp}); the idempotency keys and counters
 * beside it.
 */
public record SandboxPaths(Path root) {

    public Path videos() {
        return root.resolve("videos");
    }

    public Path idempotencyKeys() {
        return root.resolve("idempotency-keys.json");
    }

    public Path counters() {
        return root.resolve("counters.json");
    }

    public Path metadata(String videoId) {
        return videos().resolve(videoId + ".json");
    }

    public Path clip(String videoId) {
        return videos().resolve(videoId + ".mp4");
    }

    /** The thumbnail variant: WebP, like the real API, encoded with the shipped ffmpeg's libwebp. */
    public Path thumbnail(String videoId) {
        return videos().resolve(videoId + ".webp");
    }
}
