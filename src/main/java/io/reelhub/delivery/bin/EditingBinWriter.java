package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoot;
import io.reelhub.media.ProresMezzanine;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Delivers a clip to an editing bin (the post-production stage). {@code <bins>/<project>/<briefId>/} receives
 * {@code <shot>_v<NNN>.mp4}, on request its ProRes 422 mezzanine {@code <shot>_v<NNN>.mov}, the clip's own OTIO
 * timeline {@code .otio} and its lineage sidecar {@code .reelhub.json}, in that order, the sidecar last so its
 * presence means the version is complete. The {@code editing-bin-sink} kamelet calls {@link #deliver}.
 *
 * <p>Once the bin holds every shot the brief version plans (a single-clip brief: at once), the same delivery adds
 * the brief's timeline, the shots in the brief's order, as {@code <briefId>_v<NNN>.fcpxml}, {@code .otio},
 * {@code .ale} and {@code .edl} (see {@link BriefTimelineFiles}). Timelines link the mezzanine when there is one,
 * since that is the file an editor who asked for ProRes cuts with; otherwise the MP4.
 *
 * <p>Delivery may be retried after a crash at any point: files already in place with the same content are kept
 * as they are, missing ones are added, and a file with different content stops the delivery before anything is
 * written, because a delivered version is never overwritten.
 */
@Component("editingBinWriter")
public class EditingBinWriter {

    private static final Logger LOG = LoggerFactory.getLogger(EditingBinWriter.class);

    private final OtioTimelineWriter timelineWriter = new OtioTimelineWriter();
    private final BriefTimelineFiles briefTimelines = new BriefTimelineFiles();
    private final NoOverwritePlacer placer = new NoOverwritePlacer();
    private final Clock clock;
    private final BriefShotPlan plan;
    private final ProresMezzanine prores;

    /** A writer that knows no brief plans (no brief timelines) and makes no mezzanines. */
    public EditingBinWriter() {
        this(Clock.systemUTC());
    }

    @Autowired
    public EditingBinWriter(ObjectProvider<BriefShotPlan> plan, ObjectProvider<ProresMezzanine> prores) {
        this(Clock.systemUTC(), plan.getIfAvailable(() -> BriefShotPlan.UNKNOWN), prores.getIfAvailable());
    }

    EditingBinWriter(Clock clock) {
        this(clock, BriefShotPlan.UNKNOWN, null);
    }

    /** @param prores null when no mezzanine can be made */
    EditingBinWriter(Clock clock, BriefShotPlan plan, ProresMezzanine prores) {
        this.clock = clock;
        this.plan = plan;
        this.prores = prores;
    }

    /** {@link #deliver(Delivery, String, boolean, String)} without a mezzanine, linking the hub's own paths. */
    public BinDelivery deliver(Delivery delivery, String binsDir) throws IOException {
        return deliver(delivery, binsDir, false, null);
    }

    /**
     * @param delivery       the clip and its lineage
     * @param binsDir        the bins folder; it must exist, so an unmounted share fails instead of filling a local
     *                       disk
     * @param proresMezzanine whether to add a ProRes 422 {@code .mov} beside the MP4
     * @param editorsBinsUrl the bins folder as the editors' machines mount it ({@code file:///Volumes/Post/bins/}),
     *                       which timelines link media under; blank links the hub's own paths
     * @return the written (or already complete) files: the clip's, then the brief timeline's when it is complete
     * @throws DeliveredVersionConflictException if one of the names already holds different content
     * @throws IllegalArgumentException          if an id cannot safely name a folder or file, or the URL is not one
     */
    public BinDelivery deliver(Delivery delivery, String binsDir, boolean proresMezzanine, String editorsBinsUrl)
            throws IOException {
        Path bins = DeliveryRoot.existing(binsDir, "binsDir", "the bins folder");
        Objects.requireNonNull(delivery.clip(), "the delivery has no clip file");
        BinLayout layout = BinLayout.resolve(bins, delivery);
        EditorsView editors = EditorsView.of(bins, editorsBinsUrl);
        if (proresMezzanine && prores == null) {
            throw new IllegalStateException("a ProRes mezzanine was asked for (prores: true), but this hub has no "
                    + "ProRes encoder");
        }

        Path mezzanine = null;
        try {
            FileDigest clipDigest = FileDigest.of(delivery.clip());
            ClipFacts facts = ClipFacts.of(layout.clip().getFileName().toString(), clipDigest, delivery);
            MezzanineFacts mezzanineFacts = null;
            if (proresMezzanine) {
                // Made beside the downloaded clip (the job's work folder), hidden, and copied into the bin like it;
                // a name of its own per attempt, so an attempt that outlives its lease cannot pull it from another.
                mezzanine = prores.render(delivery.clip(), delivery.clip().toAbsolutePath()
                        .resolveSibling("." + layout.baseName() + "." + UUID.randomUUID() + ".mezzanine.mov"));
                mezzanineFacts = MezzanineFacts.prores(layout.mezzanine().getFileName().toString(),
                        FileDigest.of(mezzanine));
            }
            Path editFile = mezzanineFacts != null ? layout.mezzanine() : layout.clip();
            byte[] timeline = timelineWriter.write(delivery.briefId() + " " + layout.baseName(),
                    List.of(TimelineClip.of(layout.baseName(), editors.urlOf(editFile), delivery)));
            LineageSidecar sidecar = LineageSidecar.of(delivery, facts, mezzanineFacts,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));

            // In this order: the sidecar last, so whoever sees it can rely on the media and timeline being in place.
            List<BinEntry> entries = new ArrayList<>();
            entries.add(BinEntry.copyOf(delivery.clip(), layout.clip(), clipDigest));
            if (mezzanineFacts != null) {
                entries.add(BinEntry.copyOf(mezzanine, layout.mezzanine(),
                        new FileDigest(mezzanineFacts.sizeBytes(), mezzanineFacts.sha256())));
            }
            entries.add(BinEntry.ofBytes(layout.timeline(), timeline));
            entries.add(BinEntry.ofBytes(layout.sidecar(), sidecar.toJson(), sidecar::describesSameDeliveryAs));

            int written = placeAll(entries, layout);
            List<BinEntry> briefTimeline = briefTimelineOf(delivery, layout, editors);
            written += placeAll(briefTimeline, layout);

            List<Path> files = new ArrayList<>(entries.stream().map(BinEntry::target).toList());
            files.addAll(briefTimeline.stream().map(BinEntry::target).toList());
            if (written == 0) {
                LOG.info("Job {}: {} was already complete in the editing bin {}, nothing rewritten",
                        delivery.jobId(), layout.baseName(), layout.folder());
            } else {
                LOG.info("Job {}: delivered {} to the editing bin {}{}", delivery.jobId(), layout.baseName(),
                        layout.folder(), briefTimeline.isEmpty() ? "" : " with the brief's timeline");
            }
            return new BinDelivery(files);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(
                    "delivery of " + layout.baseName() + " to the editing bin was interrupted");
            interrupted.initCause(e);
            throw interrupted;
        } finally {
            if (mezzanine != null) {
                Files.deleteIfExists(mezzanine);
            }
        }
    }

    /** The brief's timeline files when this delivery completes (or finds complete) every planned shot. */
    private List<BinEntry> briefTimelineOf(Delivery delivery, BinLayout layout, EditorsView editors)
            throws IOException {
        List<String> shots = plan.shotsInOrder(delivery).orElse(List.of());
        if (shots.isEmpty()) {
            return List.of();
        }
        return briefTimelines.entries(layout.folder(), delivery.briefId(), delivery.version(), shots, editors);
    }

    /** Every name is checked before any file is written, so a conflict leaves the bin exactly as it was. */
    private int placeAll(List<BinEntry> entries, BinLayout layout) throws IOException {
        for (BinEntry entry : entries) {
            placer.checkNoConflict(entry);
        }
        Files.createDirectories(layout.folder());
        int written = 0;
        for (BinEntry entry : entries) {
            written += placer.place(entry) ? 1 : 0;
        }
        return written;
    }

}
