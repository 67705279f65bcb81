package io.reelhub.delivery.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoot;
import io.reelhub.delivery.storyboard.PackageFolder;

/**
 * Delivers a shot's shooting-reference package to a folder (the production stage's default): into
 * {@code <references>/<project>/<briefId>/v<NNN>/} go the clip as {@code <shot>_v<NNN>.mp4}, its keyframes, the
 * reference sheet {@code <shot>_reference.pdf} and, last, the shot's manifest {@code <shot>.reelhub.json}. Nothing
 * delivered is ever overwritten (see {@link PackageFolder}). The {@code reference-folder-sink} kamelet calls
 * {@link #deliver}.
 */
@Component("referenceFolderWriter")
public class ReferenceFolderWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceFolderWriter.class);

    private final ReferencePackager packager;
    private final PackageFolder folder;

    public ReferenceFolderWriter(ReferencePackager packager, Clock clock) {
        this.packager = packager;
        this.folder = new PackageFolder(clock);
    }

    /**
     * @param referencesDir the references folder; it must exist
     * @return the written paths: the clip first, the manifest last
     */
    public List<String> deliver(Delivery delivery, String referencesDir) throws IOException, InterruptedException {
        Path root = DeliveryRoot.existing(referencesDir, "referencesDir", "the references folder");
        List<String> written = folder.write(root, "referencesDir", delivery, packager.of(delivery).contents());
        LOG.info("Job {}: shooting reference of {} in {}", delivery.jobId(), delivery.shotId(),
                PackageFolder.versionFolder(root, delivery));
        return written;
    }
}
