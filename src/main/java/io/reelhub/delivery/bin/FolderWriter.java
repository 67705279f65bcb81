package io.reelhub.delivery.bin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoot;

/**
 * Copies a clip and its lineage sidecar to a plain folder, for a review team or any tool that watches a share:
 * {@code <folder>/<project>/<briefId>/<shot>_v<NNN>.mp4} and {@code .reelhub.json}, the sidecar last. The
 * {@code folder-sink} kamelet calls {@link #deliver}. It places files the way the editing bin does (this is why it
 * lives beside it): each appears atomically under its name, an identical file already there is a re-delivery that
 * succeeds without writing, and different content at a delivered name fails instead of being overwritten.
 */
@Component("folderWriter")
public class FolderWriter {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWriter.class);

    private final NoOverwritePlacer placer = new NoOverwritePlacer();
    private final Clock clock;

    public FolderWriter() {
        this(Clock.systemUTC());
    }

    FolderWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param folder the destination folder; it must exist, so an unmounted share fails instead of filling a local disk
     * @return the clip and sidecar paths, in that order
     * @throws DeliveredVersionConflictException if a name already holds different content
     */
    public List<String> deliver(Delivery delivery, String folder) throws IOException {
        Path root = DeliveryRoot.existing(folder, "folder", "the folder");
        Objects.requireNonNull(delivery.clip(), "the delivery has no clip file");
        BinLayout layout = BinLayout.resolve(root, delivery);
        FileDigest clipDigest = FileDigest.of(delivery.clip());
        ClipFacts facts = ClipFacts.of(layout.clip().getFileName().toString(), clipDigest, delivery);
        LineageSidecar sidecar = LineageSidecar.of(delivery, facts, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        List<BinEntry> entries = List.of(
                BinEntry.copyOf(delivery.clip(), layout.clip(), clipDigest),
                BinEntry.ofBytes(layout.sidecar(), sidecar.toJson(), sidecar::describesSameDeliveryAs));
        for (BinEntry entry : entries) {
            placer.checkNoConflict(entry);
        }
        Files.createDirectories(layout.folder());
        int written = 0;
        for (BinEntry entry : entries) {
            written += placer.place(entry) ? 1 : 0;
        }
        LOG.info("Job {}: {} {} in {}", delivery.jobId(), layout.baseName(),
                written == 0 ? "was already complete, nothing rewritten," : "copied", layout.folder());
        return entries.stream().map(entry -> entry.target().toString()).toList();
    }
}
