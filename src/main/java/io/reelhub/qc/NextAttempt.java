package io.reelhub.qc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a shot's next generation after a failed check starts from, chosen so that a check repeated after a crash
 * decides the same again:
 * <ul>
 *   <li>a new seed, derived from the first one (or, when the brief gave none, from the job id), different for each
 *       attempt and below 2^31, which every provider that takes a seed accepts;</li>
 *   <li>the failed attempt's clip kept aside: the next download replaces the job's clip (a rename onto its path), so
 *       the attempt's bytes are linked (or, across file systems, copied) to
 *       {@code attempts/<shot>_attempt<N>.<ext>} in the job's work folder first.</li>
 * </ul>
 */
public final class NextAttempt {

    private static final long RANGE = Integer.MAX_VALUE;
    /** A prime step, so attempts 2, 3, ... of one shot land far apart and never on the first seed. */
    private static final long STEP = 1_000_003L;

    private NextAttempt() {
    }

    /**
     * @param firstSeed the seed of attempt 1, null when the brief asked for none
     * @param attempt   the attempt about to be generated (2 or more)
     */
    public static long seed(Long firstSeed, String jobId, int attempt) {
        long base = firstSeed != null ? firstSeed : Integer.toUnsignedLong(jobId.hashCode());
        return Math.floorMod(base + STEP * (attempt - 1), RANGE);
    }

    /** Keeps {@code clip} as attempt {@code attempt} of {@code shotId}; idempotent. */
    public static Path keepClip(Path clip, String shotId, int attempt) {
        String name = clip.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        Path kept = clip.resolveSibling("attempts").resolve(shotId + "_attempt" + attempt + extension);
        try {
            Files.createDirectories(kept.getParent());
            if (Files.exists(kept)) {
                return kept;
            }
            try {
                Files.createLink(kept, clip);
            } catch (FileAlreadyExistsException raced) {
                return kept;
            } catch (IOException | UnsupportedOperationException e) {
                Path part = kept.resolveSibling(kept.getFileName() + ".part");
                Files.copy(clip, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE);
            }
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the clip of attempt " + attempt + " of " + shotId, e);
        }
    }
}
