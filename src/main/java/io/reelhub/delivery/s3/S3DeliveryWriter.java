package io.reelhub.delivery.s3;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.s3.S3Client;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.bin.ClipFacts;
import io.reelhub.delivery.bin.FileDigest;
import io.reelhub.delivery.bin.LineageSidecar;
import io.reelhub.delivery.bin.OtioTimelineWriter;
import io.reelhub.delivery.bin.TimelineClip;
import io.reelhub.delivery.bin.VersionName;
import io.reelhub.s3.S3Access;

/**
 * Delivers a clip to an S3 bucket in the editing bin's layout: {@code <prefix><project>/<briefId>/} receives
 * {@code <shot>_v<NNN>.mp4}, {@code .otio} (its media reference is the clip's {@code s3://} URI) and
 * {@code .reelhub.json}, in that order, the sidecar last so its presence means the version is complete. The
 * {@code s3-sink} kamelet calls {@link #deliver(Exchange)}.
 *
 * <p>A delivery may be retried after a crash at any point: objects already in place with the same content are
 * kept, missing ones are added, and an object with different content stops the delivery before anything is
 * written, because a delivered version is never overwritten (see {@link NoOverwriteUploader}).
 */
@Component("s3DeliveryWriter")
public class S3DeliveryWriter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(S3DeliveryWriter.class);

    private final OtioTimelineWriter timelineWriter = new OtioTimelineWriter();
    private final Map<S3Access, S3Client> clients = new ConcurrentHashMap<>();
    private final Function<S3Access, S3Client> newClient;
    private final Clock clock;

    public S3DeliveryWriter() {
        this(S3Access::newClient, Clock.systemUTC());
    }

    S3DeliveryWriter(Function<S3Access, S3Client> newClient, Clock clock) {
        this.newClient = newClient;
        this.clock = clock;
    }

    /**
     * The kamelet's entry point: the body is the {@link Delivery}, the destination comes in the exchange properties
     * {@code ReelHubS3*}. Adds the written objects' {@code s3://} URIs to the {@value DeliveryRoutes#OUTPUTS_HEADER}
     * header, after what earlier destinations of the same route reported.
     */
    public void deliver(Exchange exchange) throws IOException, InvalidPayloadException {
        Delivery delivery = exchange.getMessage().getMandatoryBody(Delivery.class);
        List<String> outputs = new ArrayList<>();
        if (exchange.getMessage().getHeader(DeliveryRoutes.OUTPUTS_HEADER) instanceof Collection<?> earlier) {
            earlier.forEach(item -> outputs.add(String.valueOf(item)));
        }
        outputs.addAll(deliver(delivery, S3Destination.fromProperties(exchange.getProperties())));
        exchange.getMessage().setHeader(DeliveryRoutes.OUTPUTS_HEADER, outputs);
    }

    /**
     * @return the {@code s3://} URIs of the clip, timeline and sidecar, in that order
     * @throws S3VersionConflictException if one of the keys already holds different content
     * @throws IllegalArgumentException   if an id cannot safely name a key
     */
    public List<String> deliver(Delivery delivery, S3Destination destination) throws IOException {
        Objects.requireNonNull(delivery.clip(), "the delivery has no clip file");
        VersionName name = VersionName.of(delivery);
        String folder = destination.prefix() + name.project() + "/" + name.briefId() + "/";
        String clipKey = folder + name.baseName() + ".mp4";

        FileDigest clipDigest = FileDigest.of(delivery.clip());
        ClipFacts facts = ClipFacts.of(name.baseName() + ".mp4", clipDigest, delivery);
        byte[] timeline = timelineWriter.write(delivery.briefId() + " " + name.baseName(),
                List.of(TimelineClip.of(name.baseName(), URI.create(destination.uri(clipKey)), delivery)));
        LineageSidecar sidecar = LineageSidecar.of(delivery, facts, clock.instant().truncatedTo(ChronoUnit.MILLIS));

        List<NoOverwriteUploader.Entry> entries = List.of(
                new NoOverwriteUploader.FileEntry(clipKey, clipDigest, delivery.clip(), "video/mp4"),
                new NoOverwriteUploader.BytesEntry(folder + name.baseName() + ".otio", timeline,
                        existing -> java.util.Arrays.equals(existing, timeline), "application/json"),
                new NoOverwriteUploader.BytesEntry(folder + name.baseName() + ".reelhub.json", sidecar.toJson(),
                        sidecar::describesSameDeliveryAs, "application/json"));

        NoOverwriteUploader uploader = new NoOverwriteUploader(client(destination.access()), destination);
        // Every key is checked before anything is written, so a conflict leaves the bucket exactly as it was.
        for (NoOverwriteUploader.Entry entry : entries) {
            uploader.checkNoConflict(entry);
        }
        int written = 0;
        for (NoOverwriteUploader.Entry entry : entries) {
            written += uploader.place(entry) ? 1 : 0;
        }
        List<String> uris = entries.stream().map(entry -> destination.uri(entry.key())).toList();
        if (written == 0) {
            LOG.info("Job {}: {} was already complete in {}, nothing rewritten", delivery.jobId(), name.baseName(),
                    destination.uri(folder));
        } else {
            LOG.info("Job {}: delivered {} to {}", delivery.jobId(), name.baseName(), destination.uri(folder));
        }
        return uris;
    }

    private S3Client client(S3Access access) {
        return clients.computeIfAbsent(access, newClient);
    }

    @Override
    public void destroy() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
