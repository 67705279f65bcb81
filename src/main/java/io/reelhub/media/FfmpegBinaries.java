package io.reelhub.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.bytedeco.javacpp.Loader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the {@code ffmpeg} and {@code ffprobe} executables are. By default they are the ones shipped inside the
 * bytedeco jar (extracted to the JavaCPP cache on first use); {@code reelhub.media.ffmpeg-path} and
 * {@code reelhub.media.ffprobe-path} point at a system build instead.
 */
@Component
public class FfmpegBinaries {

    private final Supplier<Path> ffmpeg;
    private final Supplier<Path> ffprobe;

    public FfmpegBinaries(@Value("${reelhub.media.ffmpeg-path:}") String ffmpegPath,
                          @Value("${reelhub.media.ffprobe-path:}") String ffprobePath) {
        // Resolved lazily: extracting the shipped binaries costs about a second, and a hub that never touches
        // media should not pay it at start-up.
        this.ffmpeg = once(() -> configuredOrShipped(ffmpegPath, org.bytedeco.ffmpeg.ffmpeg.class, "ffmpeg"));
        this.ffprobe = once(() -> configuredOrShipped(ffprobePath, org.bytedeco.ffmpeg.ffprobe.class, "ffprobe"));
    }

    /** The binaries shipped in the bytedeco jar, for use outside a Spring context. */
    public static FfmpegBinaries shipped() {
        return new FfmpegBinaries("", "");
    }

    public Path ffmpeg() {
        return ffmpeg.get();
    }

    public Path ffprobe() {
        return ffprobe.get();
    }

    private static Path configuredOrShipped(String configured, Class<?> presetClass, String name) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.trim());
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("reelhub.media." + name + "-path points at " + path
                        + ", which is not an executable file");
            }
            return path;
        }
        String loaded;
        try {
            loaded = Loader.load(presetClass);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Could not extract the " + name + " executable shipped in the bytedeco "
                    + "jar; set reelhub.media." + name + "-path to a system " + name, e);
        }
        if (loaded == null) {
            throw new IllegalStateException("The bytedeco jar ships no " + name + " for this platform; set reelhub.media."
                    + name + "-path to a system " + name);
        }
        return Path.of(loaded);
    }

    private static Supplier<Path> once(Supplier<Path> resolver) {
        return new Supplier<>() {
            private volatile Path value;

            @Override
            public Path get() {
                Path result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            result = resolver.get();
                            value = result;
                        }
                    }
                }
                return result;
            }
        };
    }
}
