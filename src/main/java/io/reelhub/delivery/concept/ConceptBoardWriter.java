package io.reelhub.delivery.concept;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoot;
import io.reelhub.delivery.bin.BinEntry;
import io.reelhub.delivery.bin.ClipFacts;
import io.reelhub.delivery.bin.FileDigest;
import io.reelhub.delivery.bin.LineageSidecar;
import io.reelhub.delivery.bin.NoOverwritePlacer;
import io.reelhub.media.Thumbnailer;

/**
 * The concept stage's board: each variation of a brief version lands as a clip, a thumbnail (a frame a third into the
 * clip, at most {@value #THUMBNAIL_MAX_WIDTH} pixels wide) and its lineage sidecar in one folder per version,
 * {@code <outbox>/<project>/<briefId>/v<NNN>/<variation>.mp4}, {@code .jpg} and {@code .reelhub.json}, where
 * creative software (through the result webhook's URLs) and people (through the folder) compare the takes side by
 * side. The {@code concept-board-sink} kamelet calls {@link #deliver}.
 *
 * <p>Files are placed as in the editing bin: each appears atomically, the sidecar last so its presence means the
 * variation is complete; a re-delivery of the same clip finds its files and writes nothing (the thumbnail is not
 * even made again); a different clip at a delivered name fails before anything is written.
 */
@Component("conceptBoardWriter")
public class ConceptBoardWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ConceptBoardWriter.class);

    /** Wide enough for a grid of takes in a creative tool, small enough to load a dozen at once. */
    static final int THUMBNAIL_MAX_WIDTH = 640;
    /** Where in the clip the thumbnail is taken: past a fade-in, before the action is over. */
    static final double THUMBNAIL_AT_FRACTION = 1.0 / 3;

    private final NoOverwritePlacer placer = new NoOverwritePlacer();
    private final Thumbnailer thumbnailer;
    private final Clock clock;

    @Autowired
    public ConceptBoardWriter(Thumbnailer thumbnailer) {
        this(thumbnailer, Clock.systemUTC());
    }

    ConceptBoardWriter(Thumbnailer thumbnailer, Clock clock) {
        this.thumbnailer = thumbnailer;
        this.clock = clock;
    }

    /**
     * @param delivery  one variation's clip and its lineage
     * @param outboxDir the outbox folder; it must exist, so an unmounted share fails instead of filling a local disk
     * @return the clip, thumbnail and sidecar paths, in that order
     * @throws io.reelhub.delivery.bin.DeliveredVersionConflictException if a name already holds something else
     * @throws IllegalArgumentException if an id cannot safely name a folder or file
     */
    public List<String> deliver(Delivery delivery, String outboxDir) throws IOException {
        Path outbox = DeliveryRoot.existing(outboxDir, "outboxDir", "the outbox folder");
        Objects.requireNonNull(delivery.clip(), "the delivery has no clip file");
        ConceptBoardLayout layout = ConceptBoardLayout.resolve(outbox, delivery);

        FileDigest clipDigest = FileDigest.of(delivery.clip());
        ClipFacts facts = ClipFacts.of(layout.clip().getFileName().toString(), clipDigest, delivery);
        LineageSidecar sidecar = LineageSidecar.of(delivery, facts, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        List<BinEntry> entries = List.of(
                BinEntry.copyOf(delivery.clip(), layout.clip(), clipDigest),
                // A thumbnail belongs to the clip beside it: with that clip in place it is this delivery's, and is
                // never re-encoded (a newer FFmpeg may not give the same bytes).
                new BinEntry(layout.thumbnail(), existing -> sameClipAt(layout.clip(), clipDigest),
                        temp -> makeThumbnail(delivery, temp)),
                BinEntry.ofBytes(layout.sidecar(), sidecar.toJson(),
                        existing -> sidecar.describesSameDeliveryAs(Files.readAllBytes(existing))));

        // Every name is checked before any file is written, so a conflict leaves the board exactly as it was.
        for (BinEntry entry : entries) {
            placer.checkNoConflict(entry);
        }
        Files.createDirectories(layout.folder());
        int written = 0;
        for (BinEntry entry : entries) {
            written += placer.place(entry) ? 1 : 0;
        }
        LOG.info("Job {}: {} {} on the concept board {}", delivery.jobId(), layout.variation(),
                written == 0 ? "was already complete, nothing rewritten," : "placed", layout.folder());
        return entries.stream().map(entry -> entry.target().toString()).toList();
    }

    private static boolean sameClipAt(Path clip, FileDigest expected) throws IOException {
        return Files.exists(clip) && FileDigest.of(clip).equals(expected);
    }

    /**
     * The still is made in a private folder (the thumbnailer picks its encoder by the file's extension, which the
     * placer's temporary name lacks), then copied to the placer's temporary name.
     */
    private void makeThumbnail(Delivery delivery, Path temp) throws IOException {
        Path clip = delivery.clip();
        Path scratch = Files.createTempDirectory("reelhub-thumbnail-");
        Path still = scratch.resolve("thumbnail" + ConceptBoardLayout.THUMBNAIL_EXTENSION);
        try {
            thumbnailer.thumbnail(clip, delivery.durationSeconds() * THUMBNAIL_AT_FRACTION, THUMBNAIL_MAX_WIDTH,
                    still);
            Files.copy(still, temp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while making the thumbnail of " + clip.getFileName());
        } finally {
            Files.deleteIfExists(still);
            Files.deleteIfExists(scratch);
        }
    }
}
