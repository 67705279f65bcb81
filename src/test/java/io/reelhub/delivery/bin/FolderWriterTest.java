package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder-sink's writer: clip then sidecar, atomically, never overwriting a delivered file. */
class FolderWriterTest {

    @TempDir
    Path tmp;

    private final FolderWriter writer = new FolderWriter(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void theClipAndItsSidecarLandUnderProjectAndBrief() throws IOException {
        Path review = Files.createDirectories(tmp.resolve("review"));
        Path clip = SampleDeliveries.clipFile(tmp.resolve("work"), "sh010.mp4", "frames");

        List<String> outputs = writer.deliver(SampleDeliveries.delivery(clip, 1), review.toString());

        Path folder = review.resolve("acme-spring/acme-spring-sc01");
        assertThat(outputs).containsExactly(folder.resolve("sh010_v001.mp4").toString(),
                folder.resolve("sh010_v001.reelhub.json").toString());
        assertThat(folder.resolve("sh010_v001.mp4")).hasSameBinaryContentAs(clip);
        assertThat(Files.readString(folder.resolve("sh010_v001.reelhub.json"))).contains("\"ai_generated\" : true");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no temporary file is left behind").hasSize(2);
        }
    }

    @Test
    void aRepeatedDeliveryFindsItsFilesInPlaceAndSucceedsWithoutWriting() throws IOException {
        Path review = Files.createDirectories(tmp.resolve("review"));
        Path clip = SampleDeliveries.clipFile(tmp.resolve("work"), "sh010.mp4", "frames");
        writer.deliver(SampleDeliveries.delivery(clip, 1), review.toString());
        Path sidecar = review.resolve("acme-spring/acme-spring-sc01/sh010_v001.reelhub.json");
        long written = Files.getLastModifiedTime(sidecar).toMillis();

        new FolderWriter().deliver(SampleDeliveries.delivery(clip, 1), review.toString());

        assertThat(Files.getLastModifiedTime(sidecar).toMillis()).isEqualTo(written);
    }

    @Test
    void otherContentAtADeliveredNameFailsAndLeavesTheFolderAsItWas() throws IOException {
        Path review = Files.createDirectories(tmp.resolve("review"));
        Path first = SampleDeliveries.clipFile(tmp.resolve("work"), "a.mp4", "frames");
        Path other = SampleDeliveries.clipFile(tmp.resolve("work"), "b.mp4", "other frames");
        writer.deliver(SampleDeliveries.delivery(first, 1), review.toString());

        assertThatThrownBy(() -> writer.deliver(SampleDeliveries.delivery(other, 1), review.toString()))
                .isInstanceOf(DeliveredVersionConflictException.class);
        assertThat(review.resolve("acme-spring/acme-spring-sc01/sh010_v001.mp4")).hasSameBinaryContentAs(first);
    }

    @Test
    void aFolderThatDoesNotExistFailsInsteadOfBeingCreated() throws IOException {
        Path clip = SampleDeliveries.clipFile(tmp.resolve("work"), "sh010.mp4", "frames");

        assertThatThrownBy(() -> writer.deliver(SampleDeliveries.delivery(clip, 1), tmp.resolve("unmounted")
                .toString())).isInstanceOf(NoSuchFileException.class).hasMessageContaining("is its share mounted");
        assertThat(tmp.resolve("unmounted")).doesNotExist();
    }
}
