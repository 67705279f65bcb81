package io.reelhub.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextAttemptTest {

    @TempDir
    Path dir;

    @Test
    void eachAttemptOfAShotGetsADifferentSeedAndTheSameOneWhenAskedAgain() {
        Set<Long> seeds = new HashSet<>(Set.of(42L));
        for (int attempt = 2; attempt <= 10; attempt++) {
            long seed = NextAttempt.seed(42L, "job-a", attempt);
            assertThat(seeds.add(seed)).as("attempt %d's seed %d is new", attempt, seed).isTrue();
            assertThat(NextAttempt.seed(42L, "job-a", attempt)).isEqualTo(seed);
            assertThat(seed).isBetween(0L, (long) Integer.MAX_VALUE);
        }
    }

    @Test
    void withoutAFirstSeedTheSeedsComeFromTheJobAndStayInRangeForHugeSeedsToo() {
        assertThat(NextAttempt.seed(null, "job-a", 2)).isEqualTo(NextAttempt.seed(null, "job-a", 2))
                .isNotEqualTo(NextAttempt.seed(null, "job-b", 2));
        assertThat(NextAttempt.seed(Long.MAX_VALUE, "job-a", 2)).isBetween(0L, (long) Integer.MAX_VALUE);
        assertThat(NextAttempt.seed(-5L, "job-a", 2)).isBetween(0L, (long) Integer.MAX_VALUE);
    }

    @Test
    void aKeptClipSurvivesTheNextDownloadReplacingTheJobsClipAndKeepingAgainChangesNothing() throws Exception {
        Path clip = Files.writeString(dir.resolve("sh010.mp4"), "attempt one");

        Path kept = NextAttempt.keepClip(clip, "sh010", 1);
        Path next = Files.writeString(dir.resolve("sh010.mp4.part"), "attempt two");
        Files.move(next, clip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(kept).isEqualTo(dir.resolve("attempts/sh010_attempt1.mp4"));
        assertThat(kept).hasContent("attempt one");
        assertThat(clip).hasContent("attempt two");
        assertThat(NextAttempt.keepClip(clip, "sh010", 1)).isEqualTo(kept).hasContent("attempt one");
    }
}
