package io.reelhub.delivery.bin;

import java.nio.file.Path;
import java.util.List;

/**
 * The files one delivery put in (or found already complete in) an editing bin, clip first and sidecar last.
 *
 * @param files absolute paths of the clip, the OTIO timeline and the lineage sidecar
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
