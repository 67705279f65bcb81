package io.reelhub.delivery.bin;

import io.reelhub.delivery.Lineage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A brief version's timeline in every interchange format, {@code <briefId>_v<NNN>.fcpxml}, {@code .otio},
 * {@code .ale} and {@code .edl}, beside its shots in the brief's folder, written once the bin holds every planned
 * shot (for a single-clip brief, at once).
 *
 * <p>The files are built only from the shots' sidecars, the plan and the settings, never from a clock, so every
 * delivery that finds the brief complete builds the same bytes: when the last two shots are delivered at the same
 * time, both may write the timeline, and the second finds it in place and leaves it (a harmless repeat).
 */
final class BriefTimelineFiles {

    static final List<String> EXTENSIONS = List.of("fcpxml", "otio", "ale", "edl");

    private final FcpxmlWriter fcpxml = new FcpxmlWriter();
    private final OtioTimelineWriter otio = new OtioTimelineWriter();
    private final AleWriter ale = new AleWriter();
    private final Cmx3600EdlWriter edl = new Cmx3600EdlWriter();

    /**
     * The timeline files to place, or none while a planned shot is still missing from {@code folder}.
     *
     * @param shots the planned shot ids in timeline order
     * @throws IOException if a shot's sidecar is unreadable or belongs to another brief version, naming the file
     */
    List<BinEntry> entries(Path folder, String briefId, int version, List<String> shots, EditorsView editors)
            throws IOException {
        String label = Lineage.versionLabel(version);
        List<TimelineClip> clips = new ArrayList<>();
        for (String shot : shots) {
            Path sidecar = folder.resolve(shot + "_" + label + ".reelhub.json");
            if (!Files.exists(sidecar)) {
                return List.of();
            }
            DeliveredShot delivered = DeliveredShot.read(sidecar);
            if (!briefId.equals(delivered.lineage().briefId()) || delivered.lineage().version() != version
                    || !shot.equals(delivered.shot())) {
                throw new IOException("the sidecar " + sidecar + " describes " + delivered.lineage().briefId() + " "
                        + delivered.lineage().versionLabel() + " shot " + delivered.shot() + ", not " + briefId + " "
                        + label + " shot " + shot);
            }
            clips.add(delivered.timelineClip(folder, editors));
        }
        Timeline timeline = new Timeline(stem(briefId, label, shots), clips);
        return List.of(
                BinEntry.ofBytes(file(folder, timeline, "fcpxml"), fcpxml.write(timeline, briefId)),
                BinEntry.ofBytes(file(folder, timeline, "otio"), otio.write(timeline)),
                BinEntry.ofBytes(file(folder, timeline, "ale"), ale.write(timeline)),
                BinEntry.ofBytes(file(folder, timeline, "edl"), edl.write(timeline)));
    }

    /**
     * {@code <briefId>_v<NNN>}; a brief with a shot of its own id would put its timeline at that shot's OTIO name,
     * so its timeline becomes {@code <briefId>_v<NNN>_timeline}.
     */
    static String stem(String briefId, String label, List<String> shots) {
        return shots.contains(briefId) ? briefId + "_" + label + "_timeline" : briefId + "_" + label;
    }

    private static Path file(Path folder, Timeline timeline, String extension) {
        return folder.resolve(timeline.name() + "." + extension);
    }
}
