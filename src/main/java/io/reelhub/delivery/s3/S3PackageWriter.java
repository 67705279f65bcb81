package io.reelhub.delivery.s3;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.s3.S3Client;

import io.reelhub.brief.Stage;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.Lineage;
import io.reelhub.delivery.bin.FileDigest;
import io.reelhub.delivery.bin.VersionName;
import io.reelhub.delivery.reference.ReferencePackager;
import io.reelhub.delivery.storyboard.PackageContents;
import io.reelhub.delivery.storyboard.PackageFile;
import io.reelhub.delivery.storyboard.PackageManifest;
import io.reelhub.delivery.storyboard.StoryboardNames;
import io.reelhub.delivery.storyboard.StoryboardPackages;
import io.reelhub.s3.S3Access;

/**
 * Delivers a stage package to an S3 bucket in the layout of the storyboard and reference folders:
 * {@code <prefix><project>/<briefId>/v<NNN>/} receives the package's files and, last, the shot's manifest
 * {@code <shot>.reelhub.json}. Which package follows from the delivery's stage: the storyboard package for
 * pre-production, the shooting reference for production. Objects are placed as {@link S3DeliveryWriter} places
 * clips ({@link NoOverwriteUploader}: conditional writes, large files in parts read from disk, an identical object
 * kept, a different one refused before anything is written). The {@code package-s3-sink} kamelet calls
 * {@link #deliver(Exchange)}.
 */
@Component("s3PackageWriter")
public class S3PackageWriter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(S3PackageWriter.class);

    private final StoryboardPackages storyboards;
    private final ReferencePackager references;
    private final Map<S3Access, S3Client> clients = new ConcurrentHashMap<>();
    private final Function<S3Access, S3Client> newClient;
    private final Clock clock;

    @Autowired
    public S3PackageWriter(StoryboardPackages storyboards, ReferencePackager references, Clock clock) {
        this(storyboards, references, S3Access::newClient, clock);
    }

    S3PackageWriter(StoryboardPackages storyboards, ReferencePackager references,
                    Function<S3Access, S3Client> newClient, Clock clock) {
        this.storyboards = storyboards;
        this.references = references;
        this.newClient = newClient;
        this.clock = clock;
    }

    /**
     * The kamelet's entry point: the body is the {@link Delivery}, the bucket comes in the exchange properties
     * {@code ReelHubS3*} (as for the {@code s3-sink}). Adds the written objects' {@code s3://} URIs to the
     * {@value DeliveryRoutes#OUTPUTS_HEADER} header.
     */
    public void deliver(Exchange exchange) throws IOException, InterruptedException, InvalidPayloadException {
        Delivery delivery = exchange.getMessage().getMandatoryBody(Delivery.class);
        List<String> outputs = new ArrayList<>();
        if (exchange.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER) instanceof Collection<?> earlier) {
            earlier.forEach(item -> outputs.add(String.valueOf(item)));
        }
        outputs.addAll(deliver(delivery, S3Destination.fromProperties(exchange.getProperties())));
        exchange.getMessage().setHeader(DeliveryRoutes.OUTPUTS_HEADER, outputs);
    }

    /** @return the {@code s3://} URIs of the package's objects, the manifest last */
    public List<String> deliver(Delivery delivery, S3Destination destination) throws IOException,
            InterruptedException {
        VersionName name = VersionName.of(delivery);
        PackageContents contents = contents(delivery);
        String folder = destination.prefix() + name.project() + "/" + name.briefId() + "/"
                + Lineage.versionLabel(delivery.version()) + "/";
        List<NoOverwriteUploader.Entry> entries = new ArrayList<>();
        List<FileDigest> digests = new ArrayList<>();
        for (PackageFile file : contents.files()) {
            FileDigest digest = FileDigest.of(file.source());
            digests.add(digest);
            entries.add(new NoOverwriteUploader.FileEntry(folder + file.name(), digest, file.source(),
                    contentType(file.name())));
        }
        PackageManifest manifest = PackageManifest.of(delivery, contents, digests,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        entries.add(new NoOverwriteUploader.BytesEntry(folder + StoryboardNames.manifest(delivery.shotId()),
                manifest.toJson(), manifest::describesSameDeliveryAs, "application/json"));

        NoOverwriteUploader uploader = new NoOverwriteUploader(clients.computeIfAbsent(destination.access(),
                newClient), destination);
        // Every key is checked before anything is written, so a conflict leaves the bucket as it was.
        for (NoOverwriteUploader.Entry entry : entries) {
            uploader.checkNoConflict(entry);
        }
        int written = 0;
        for (NoOverwriteUploader.Entry entry : entries) {
            written += uploader.place(entry) ? 1 : 0;
        }
        LOG.info("Job {}: {} package of {} {} {}", delivery.jobId(), contents.kind(), delivery.shotId(),
                written == 0 ? "was already complete in" : "delivered to", destination.uri(folder));
        return entries.stream().map(entry -> destination.uri(entry.key())).toList();
    }

    private PackageContents contents(Delivery delivery) throws IOException, InterruptedException {
        Stage stage = Stage.fromWire(delivery.stage()).orElse(null);
        if (stage == Stage.PRE_PRODUCTION) {
            return storyboards.of(delivery).contents();
        }
        if (stage == Stage.PRODUCTION) {
            return references.of(delivery).contents();
        }
        throw new IllegalArgumentException("package-s3 delivers the storyboard package (pre-production) and the"
                + " shooting reference (production), not a " + delivery.stage() + " clip; deliver that with s3");
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        return lower.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    @Override
    public void destroy() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
