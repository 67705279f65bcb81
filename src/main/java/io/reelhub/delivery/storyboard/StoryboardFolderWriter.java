package io.reelhub.delivery.storyboard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoot;

/**
 * Delivers a shot's storyboard package to a folder (the pre-production stage's default): into
 * {@code <storyboards>/<project>/<briefId>/v<NNN>/} go its keyframes, contact sheet (PNG and PDF), the brief's shot
 * list (CSV and JSON) and, last, the shot's manifest {@code <shot>.reelhub.json}. Nothing delivered is ever
 * overwritten (see {@link PackageFolder}). The {@code storyboard-folder-sink} kamelet calls {@link #deliver}.
 */
@Component("storyboardFolderWriter")
public class StoryboardFolderWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StoryboardFolderWriter.class);

    private final StoryboardPackages packages;
    private final PackageFolder folder;

    public StoryboardFolderWriter(StoryboardPackages packages, Clock clock) {
        this.packages = packages;
        this.folder = new PackageFolder(clock);
    }

    /**
     * @param storyboardsDir the storyboards folder; it must exist
     * @return the written paths, the manifest last
     */
    public List<String> deliver(Delivery delivery, String storyboardsDir) throws IOException, InterruptedException {
        Path root = DeliveryRoot.existing(storyboardsDir, "storyboardsDir", "the storyboards folder");
        List<String> written = folder.write(root, "storyboardsDir", delivery, packages.of(delivery).contents());
        LOG.info("Job {}: storyboard of {} in {}", delivery.jobId(), delivery.shotId(),
                PackageFolder.versionFolder(root, delivery));
        return written;
    }
}
