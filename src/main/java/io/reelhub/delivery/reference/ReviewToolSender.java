package io.reelhub.delivery.reference;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.outputs.OutputUrls;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.Lineage;
import io.reelhub.delivery.bin.VersionName;
import io.reelhub.delivery.http.ConnectorParameters;
import io.reelhub.delivery.http.DestinationHttp;
import io.reelhub.delivery.http.HttpEndpoint;
import io.reelhub.delivery.storyboard.BriefOutlines;
import io.reelhub.delivery.storyboard.PlannedShot;

/**
 * Hands a clip to a review tool that uploads by URL (the way Frame.io-style "remote upload" works): one JSON POST
 * {@code {name, url, metadata}} where {@code url} is the hub's own output URL of the clip, which the tool then
 * fetches. The hub serves only what a job delivered, so a folder destination that writes the clip (e.g.
 * {@code reference-folder}) must come before this one. Every attempt is exactly one POST carrying the same
 * {@code Idempotency-Key} ({@code <jobId>.<destination>}), so a tool honouring it creates the asset once however
 * often a crash makes the hub send it. The {@code review-tool-sink} kamelet calls {@link #deliver(Exchange)}.
 */
@Component("reviewToolSender")
public class ReviewToolSender {

    public static final String PROPERTY_PREFIX = "ReelHubReview";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewToolSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BriefOutlines outlines;
    private final OutputUrls urls;
    private final DestinationHttp http = DestinationHttp.hidingPaths();

    public ReviewToolSender(BriefOutlines outlines, OutputUrls urls) {
        this.outlines = outlines;
        this.urls = urls;
    }

    public void deliver(Exchange exchange) throws InvalidPayloadException {
        Delivery delivery = exchange.getMessage().getMandatoryBody(Delivery.class);
        String destination = exchange.getMessage().getHeader(DeliveryRoutes.DESTINATION_HEADER, "review-tool",
                String.class);
        List<String> delivered = new ArrayList<>();
        if (exchange.getMessage().getHeader(DeliveryRoutes.DELIVERED_HEADER) instanceof Collection<?> items) {
            items.forEach(item -> delivered.add(String.valueOf(item)));
        }
        HttpEndpoint endpoint = HttpEndpoint.from(ConnectorParameters.of(PROPERTY_PREFIX, exchange.getProperties()),
                60);
        exchange.getMessage().setHeader(DeliveryRoutes.OUTPUTS_HEADER, send(delivery, endpoint, destination,
                delivered));
    }

    /**
     * @param delivered what the job's other destinations wrote; the clip must be among them
     * @return the receipt: scheme, host and port and the answer's status (never the URL's path)
     */
    public List<String> send(Delivery delivery, HttpEndpoint endpoint, String destination, List<String> delivered) {
        VersionName name = VersionName.of(delivery);
        String clipName = name.baseName() + ".mp4";
        Path clip = delivered.stream().filter(output -> !output.contains("://")).map(Path::of)
                .filter(path -> path.getFileName() != null && path.getFileName().toString().equals(clipName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(destination + ": the review tool fetches the clip from"
                        + " the hub, which serves only delivered files, and " + clipName + " was not delivered"
                        + " yet: list a folder destination that writes the clip (e.g. reference-folder) before "
                        + destination));
        URI url = urls.urlOf(delivery.jobId(), clip);
        String key = delivery.jobId() + "." + destination;
        byte[] body = body(delivery, delivery.briefId() + "_" + clipName, url, key);
        HttpRequest request = endpoint.auth().applyTo(HttpRequest.newBuilder(endpoint.url())
                        .timeout(endpoint.timeout())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)))
                .build();
        HttpResponse<byte[]> response = http.send(destination, request);
        if (response.statusCode() / 100 != 2) {
            throw http.refused(destination, request, response);
        }
        LOG.info("Job {}: {} asked {} to fetch {}", delivery.jobId(), destination,
                DestinationHttp.origin(endpoint.url()), clipName);
        return List.of("POST " + DestinationHttp.origin(endpoint.url()) + " → " + response.statusCode());
    }

    private byte[] body(Delivery delivery, String name, URI url, String key) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("url", url.toString());
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("id", key);
        metadata.put("project", delivery.project());
        metadata.put("brief_id", delivery.briefId());
        metadata.put("version", Lineage.versionLabel(delivery.version()));
        metadata.put("shot", delivery.shotId());
        metadata.put("stage", delivery.stage());
        if (delivery.title() != null) {
            metadata.put("title", delivery.title());
        }
        metadata.put("width", delivery.width());
        metadata.put("height", delivery.height());
        metadata.put("duration_seconds", delivery.durationSeconds());
        PlannedShot shot = outlines.of(delivery).shot(delivery.shotId());
        ShootingNotes notes = ShootingNotes.of(shot);
        ObjectNode shooting = metadata.putObject("notes");
        shooting.put("camera", notes.camera());
        shooting.put("lighting", notes.lighting());
        shooting.put("action", notes.action());
        metadata.set("lineage", JSON.valueToTree(Lineage.of(delivery)));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
