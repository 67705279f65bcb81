package io.reelhub.delivery.storyboard.upload;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.Lineage;
import io.reelhub.delivery.bin.FileDigest;
import io.reelhub.delivery.http.ConnectorParameters;
import io.reelhub.delivery.http.DestinationHttp;
import io.reelhub.delivery.http.HttpEndpoint;
import io.reelhub.delivery.http.MultipartBody;
import io.reelhub.delivery.storyboard.StoryboardPackage;
import io.reelhub.delivery.storyboard.StoryboardPackages;

/**
 * Uploads a shot's storyboard package to any HTTP endpoint as one {@code multipart/form-data} POST: a
 * {@value #METADATA_PART} part (JSON: the brief, version and shot, each file's name, size and SHA-256, the shot list
 * and the lineage) followed by one {@value #FILE_PART} part per file, streamed from disk. Each attempt is exactly
 * one POST carrying the same {@code Idempotency-Key} ({@code <jobId>.<destination>}), so a receiver that honours
 * the header stores a package once however often a crash makes the hub send it. The
 * {@code storyboard-upload-sink} kamelet calls {@link #deliver(Exchange)}.
 */
@Component("storyboardUploader")
public class StoryboardUploader {

    public static final String PROPERTY_PREFIX = "ReelHubUpload";
    static final String METADATA_PART = "metadata";
    static final String FILE_PART = "files";
    private static final Logger LOG = LoggerFactory.getLogger(StoryboardUploader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoryboardPackages packages;
    private final DestinationHttp http = DestinationHttp.hidingPaths();

    public StoryboardUploader(StoryboardPackages packages) {
        this.packages = packages;
    }

    public void deliver(Exchange exchange) throws IOException, InterruptedException, InvalidPayloadException {
        Delivery delivery = exchange.getMessage().getMandatoryBody(Delivery.class);
        String destination = exchange.getMessage().getHeader(DeliveryRoutes.DESTINATION_HEADER, "storyboard-upload",
                String.class);
        HttpEndpoint endpoint = HttpEndpoint.from(ConnectorParameters.of(PROPERTY_PREFIX, exchange.getProperties()),
                300);
        exchange.getMessage().setHeader(DeliveryRoutes.OUTPUTS_HEADER,
                upload(delivery, packages.of(delivery), endpoint, destination));
    }

    /** @return the receipt: method, scheme, host and port, and the answer's status (never the URL's path) */
    public List<String> upload(Delivery delivery, StoryboardPackage storyboard, HttpEndpoint endpoint,
                               String destination) throws IOException {
        String key = delivery.jobId() + "." + destination;
        MultipartBody body = new MultipartBody()
                .addBytes(METADATA_PART, metadata(delivery, storyboard, key), "application/json");
        for (Path file : storyboard.files()) {
            body.addFile(FILE_PART, file, contentType(file));
        }
        HttpRequest request = endpoint.auth().applyTo(HttpRequest.newBuilder(endpoint.url())
                        .timeout(endpoint.timeout())
                        .header("Content-Type", body.contentType())
                        .header("Idempotency-Key", key)
                        .POST(body.publisher()))
                .build();
        HttpResponse<byte[]> response = http.send(destination, request);
        if (response.statusCode() / 100 != 2) {
            throw http.refused(destination, request, response);
        }
        LOG.info("Job {}: uploaded the storyboard package of {} ({} files) to {}", delivery.jobId(),
                storyboard.shot().id(), storyboard.files().size(), DestinationHttp.origin(endpoint.url()));
        return List.of("POST " + DestinationHttp.origin(endpoint.url()) + " → " + response.statusCode() + " ("
                + storyboard.files().size() + " files)");
    }

    private static byte[] metadata(Delivery delivery, StoryboardPackage storyboard, String key) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "reelhub.storyboard");
        root.put("id", key);
        root.put("job_id", delivery.jobId());
        root.put("project", delivery.project());
        root.put("brief_id", delivery.briefId());
        root.put("version", storyboard.outline().versionLabel());
        root.put("shot", storyboard.shot().id());
        if (delivery.title() != null) {
            root.put("title", delivery.title());
        }
        ArrayNode files = root.putArray("files");
        for (Path file : storyboard.files()) {
            FileDigest digest = FileDigest.of(file);
            files.addObject().put("name", file.getFileName().toString()).put("content_type", contentType(file))
                    .put("size_bytes", digest.sizeBytes()).put("sha256", digest.sha256());
        }
        JsonNode shotList = JSON.readTree(storyboard.shotListJson().toFile());
        root.set("shot_list", shotList);
        root.set("lineage", JSON.valueToTree(Lineage.of(delivery)));
        return JSON.writeValueAsBytes(root);
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        return name.endsWith(".json") ? "application/json" : "application/octet-stream";
    }
}
