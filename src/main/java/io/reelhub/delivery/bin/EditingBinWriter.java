package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers a clip to an editing bin (the post-production stage): {@code <bins>/<project>/<briefId>/} receives
 * {@code <shot>_v<NNN>.mp4}, {@code .otio} and {@code .reelhub.json}, in that order, the sidecar last so its presence
 * means the version is complete. The {@code editing-bin-sink} kamelet calls {@link #deliver}.
 *
 * <p>Delivery may be retried after a crash at any point: files already in place with the same content are kept
 * as they are, missing ones are added, and a file with different content stops the delivery before anything is
 * written, because a delivered version is never overwritten.
 */
@Component("editingBinWriter")
public class EditingBinWriter {

    private static final Logger LOG = LoggerFactory.getLogger(EditingBinWriter.class);

    private final OtioTimelineWriter timelineWriter = new OtioTimelineWriter();
    private final NoOverwritePlacer placer = new NoOverwritePlacer();
    private final Clock clock;

    public EditingBinWriter() {
        this(Clock.systemUTC());
    }

    EditingBinWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param delivery the clip and its lineage
     * @param binsDir  the bins folder; it must exist, so an unmounted share fails instead of filling a local disk
     * @return the clip, timeline and sidecar paths, in that order
     * @throws DeliveredVersionConflictException if one of the names already holds different content
     * @throws IllegalArgumentException          if an id cannot safely name a folder or file
     */
    public BinDelivery deliver(Delivery delivery, String binsDir) throws IOException {
        // A blank folder would resolve to the working directory and scatter clips wherever the hub was started.
        if (binsDir == null || binsDir.isBlank()) {
            throw new IllegalArgumentException("binsDir is required: the editing bins folder to deliver into");
        }
        Objects.requireNonNull(delivery.clip(), "the delivery has no clip file");
        Path bins = Path.of(binsDir);
        BinLayout layout = BinLayout.resolve(bins, delivery);
        if (!Files.isDirectory(bins)) {
            throw new NoSuchFileException(binsDir, null, "the bins folder does not exist (is its share mounted?)");
        }

        FileDigest clipDigest = FileDigest.of(delivery.clip());
        ClipFacts facts = ClipFacts.of(layout.clip().getFileName().toString(), clipDigest, delivery);
        byte[] timeline = timelineWriter.write(delivery.briefId() + " " + layout.baseName(),
                List.of(TimelineClip.of(layout.baseName(), layout.clip(), delivery)));
        LineageSidecar sidecar = LineageSidecar.of(delivery, facts, clock.instant().truncatedTo(ChronoUnit.MILLIS));

        // In this order: the sidecar last, so whoever sees it can rely on the clip and timeline being in place.
        List<BinEntry> entries = List.of(
                new BinEntry(layout.clip(),
                        existing -> FileDigest.of(existing).equals(clipDigest),
                        temp -> copyClip(delivery.clip(), temp, clipDigest)),
                BinEntry.ofBytes(layout.timeline(), timeline),
                BinEntry.ofBytes(layout.sidecar(), sidecar.toJson(), sidecar::describesSameDeliveryAs));

        // Every name is checked before any file is written, so a conflict leaves the bin exactly as it was.
        for (BinEntry entry : entries) {
            placer.checkNoConflict(entry);
        }
        Files.createDirectories(layout.folder());
        int written = 0;
        for (BinEntry entry : entries) {
            written += placer.place(entry) ? 1 : 0;
        }

        BinDelivery result = new BinDelivery(entries.stream().map(BinEntry::target).toList());
        if (written == 0) {
            LOG.info("Job {}: {} was already complete in the editing bin {}, nothing rewritten",
                    delivery.jobId(), layout.baseName(), layout.folder());
        } else {
            LOG.info("Job {}: delivered {} to the editing bin {}", delivery.jobId(), layout.baseName(),
                    layout.folder());
        }
        return result;
    }

    private static void copyClip(Path source, Path temp, FileDigest expected) throws IOException {
        FileDigest copied = FileDigest.copy(source, temp);
        // The sidecar records the digest taken before the copy; the bin must hold exactly those bytes.
        if (!copied.equals(expected)) {
            throw new IOException("clip " + source + " changed while it was being delivered (sha256 "
                    + expected.sha256() + " before, " + copied.sha256() + " copied)");
        }
    }
}
