package io.reelhub.delivery.bin;

import java.nio.file.Path;
import java.util.List;

/**
 * The files one delivery put in (or found already complete in) an editing bin: the clip's, sidecar last, then the
 * brief's timeline files when the delivery completed (or found complete) the brief version.
 *
 * @param files absolute paths of the clip, its ProRes mezzanine if asked for, its OTIO timeline and its lineage
 *              sidecar, then {@code <brief>_v<NNN>.fcpxml}, {@code .otio}, {@code .ale} and {@code .edl} if any
 */
public record BinDelivery(List<Path> files) {

    public BinDelivery {
        files = List.copyOf(files);
    }

    /** The same paths as strings: the form the hub records as a job's outputs. */
    public List<String> outputs() {
        return files.stream().map(Path::toString).toList();
    }
}
