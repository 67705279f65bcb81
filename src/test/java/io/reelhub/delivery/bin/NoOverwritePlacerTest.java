package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoOverwritePlacerTest {

    private final NoOverwritePlacer placer = new NoOverwritePlacer();

    @TempDir
    Path bin;

    @Test
    void aFileIsPlacedUnderItsNameAndNothingElseIsLeft() throws IOException {
        Path target = bin.resolve("sh010_v001.otio");

        boolean written = placer.place(BinEntry.ofBytes(target, bytes("timeline")));

        assertThat(written).isTrue();
        assertThat(target).hasContent("timeline");
        assertThat(namesIn(bin)).containsExactly("sh010_v001.otio");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNeitherThePartialFileNorTheName() {
        Path target = bin.resolve("sh010_v001.mp4");
        BinEntry failing = new BinEntry(target, existing -> false, temp -> {
            Files.write(temp, bytes("the first half of a cl"), StandardOpenOption.CREATE_NEW);
            throw new IOException("connection to the share lost");
        });

        assertThatThrownBy(() -> placer.place(failing)).hasMessageContaining("connection to the share lost");

        assertThat(namesIn(bin)).isEmpty();
    }

    @Test
    void anIdenticalFileAlreadyInPlaceIsKeptAndReportedAsNotWritten() throws IOException {
        Path target = Files.write(bin.resolve("sh010_v001.otio"), bytes("timeline"));

        boolean written = placer.place(BinEntry.ofBytes(target, bytes("timeline")));

        assertThat(written).isFalse();
        assertThat(namesIn(bin)).containsExactly("sh010_v001.otio");
    }

    @Test
    void aDifferentFileAlreadyInPlaceIsNeverReplaced() throws IOException {
        Path target = Files.write(bin.resolve("sh010_v001.otio"), bytes("the delivered timeline"));

        assertThatThrownBy(() -> placer.place(BinEntry.ofBytes(target, bytes("another timeline"))))
                .isInstanceOf(DeliveredVersionConflictException.class)
                .hasMessageContaining(target.toString());

        assertThat(target).hasContent("the delivered timeline");
        assertThat(namesIn(bin)).containsExactly("sh010_v001.otio");
    }

    @Test
    void aFileThatAppearsWhileOursIsBeingWrittenIsNotReplaced() throws IOException {
        Path target = bin.resolve("sh010_v001.otio");
        // Simulates a second delivery of the same version publishing between our check and our publish.
        BinEntry racing = new BinEntry(target, existing -> false, temp -> {
            Files.write(target, bytes("the other delivery's timeline"));
            Files.write(temp, bytes("our timeline"), StandardOpenOption.CREATE_NEW);
        });

        assertThatThrownBy(() -> placer.place(racing)).isInstanceOf(DeliveredVersionConflictException.class);

        assertThat(target).hasContent("the other delivery's timeline");
        assertThat(namesIn(bin)).containsExactly("sh010_v001.otio");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.List<String> namesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
