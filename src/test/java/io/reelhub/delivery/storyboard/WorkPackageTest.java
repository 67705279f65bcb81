package io.reelhub.delivery.storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package is built once per job, appears whole or not at all, and leaves nothing behind when its build fails. */
class WorkPackageTest {

    @TempDir
    Path work;

    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void thePackageIsBuiltOnceAndReusedByLaterCallers() throws Exception {
        List<PackagedFrame> first = WorkPackage.ensure(work, "storyboard-package", this::twoFrames);
        List<PackagedFrame> second = WorkPackage.ensure(work, "storyboard-package", this::twoFrames);

        assertThat(builds).hasValue(1);
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(PackagedFrame::fileName).containsExactly("sh010_kf01.png", "sh010_kf02.png");
        assertThat(first.get(1).seconds()).isEqualTo(2.5);
        assertThat(first.get(0).image()).hasParent(work.resolve("storyboard-package")).hasContent("frame 1");
    }

    @Test
    void aBuildThatFailsLeavesNoPackageAndNoTemporaryFolderAndIsTriedAgainNextTime() throws Exception {
        assertThatThrownBy(() -> WorkPackage.ensure(work, "storyboard-package", into -> {
            Files.writeString(into.resolve("sh010_kf01.png"), "half");
            throw new IOException("ffmpeg died");
        })).hasMessage("ffmpeg died");

        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
        assertThat(WorkPackage.ensure(work, "storyboard-package", this::twoFrames)).hasSize(2);
    }

    @Test
    void aFolderWithoutItsIndexIsRebuiltNotUsed() throws Exception {
        Files.createDirectories(work.resolve("storyboard-package"));
        Files.writeString(work.resolve("storyboard-package/sh010_kf01.png"), "from a crashed older build");

        List<PackagedFrame> frames = WorkPackage.ensure(work, "storyboard-package", this::twoFrames);

        assertThat(builds).hasValue(1);
        assertThat(frames.get(0).image()).hasContent("frame 1");
    }

    @Test
    void aWorkFolderThatIsGoneFailsSayingSo() {
        assertThatThrownBy(() -> WorkPackage.ensure(work.resolve("removed"), "storyboard-package", this::twoFrames))
                .hasMessageContaining("work folder").hasMessageContaining("is gone");
    }

    private List<PackagedFrame> twoFrames(Path into) throws IOException {
        builds.incrementAndGet();
        return List.of(
                new PackagedFrame(1, 0.5, Files.writeString(into.resolve("sh010_kf01.png"), "frame 1")),
                new PackagedFrame(2, 2.5, Files.writeString(into.resolve("sh010_kf02.png"), "frame 2")));
    }
}
