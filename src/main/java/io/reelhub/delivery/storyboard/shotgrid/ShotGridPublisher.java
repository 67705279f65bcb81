package io.reelhub.delivery.storyboard.shotgrid;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.Lineage;
import io.reelhub.delivery.bin.VersionName;
import io.reelhub.delivery.http.DestinationHttp;
import io.reelhub.delivery.storyboard.StoryboardNames;

/**
 * Puts a clip into ShotGrid (Flow Production Tracking) for review: a {@code Version} coded
 * {@code <brief>_<shot>_v<NNN>}, linked to its Shot (found by code, or created), with the lineage as its
 * description, status {@code rev} and, when the keyframes were delivered to a folder first, the path to those
 * frames; then the clip uploaded to {@code sg_uploaded_movie}, from which ShotGrid makes its own thumbnail and
 * filmstrip. A re-delivery looks the Version up by its code first: it creates nothing twice, and uploads the movie
 * only if an earlier attempt did not finish linking it. The {@code shotgrid-sink} kamelet calls
 * {@link #deliver(Exchange)}.
 */
@Component("shotGridPublisher")
public class ShotGridPublisher {

    static final String MOVIE_FIELD = "sg_uploaded_movie";
    private static final Logger LOG = LoggerFactory.getLogger(ShotGridPublisher.class);

    private final DestinationHttp http = new DestinationHttp();
    private final ShotGridTokens tokens;

    public ShotGridPublisher(Clock clock) {
        this.tokens = new ShotGridTokens(http, clock);
    }

    /**
     * The kamelet's entry point: the body is the {@link Delivery}, the settings come in the exchange properties
     * {@value ShotGridSettings#PROPERTY_PREFIX}*. Sets {@value DeliveryRoutes#OUTPUTS_HEADER} to a receipt naming
     * the Version.
     */
    public void deliver(Exchange exchange) throws IOException, InvalidPayloadException {
        Delivery delivery = exchange.getMessage().getMandatoryBody(Delivery.class);
        String destination = exchange.getMessage().getHeader(DeliveryRoutes.DESTINATION_HEADER, "shotgrid",
                String.class);
        List<String> delivered = new ArrayList<>();
        if (exchange.getMessage().getHeader(DeliveryRoutes.DELIVERED_HEADER) instanceof Collection<?> items) {
            items.forEach(item -> delivered.add(String.valueOf(item)));
        }
        exchange.getMessage().setHeader(DeliveryRoutes.OUTPUTS_HEADER, publish(delivery,
                ShotGridSettings.fromProperties(exchange.getProperties()), destination, delivered));
    }

    /**
     * @param delivered what the job's other destinations wrote; a delivered first keyframe gives the Version its
     *                  {@code sg_path_to_frames}
     * @return the receipt recorded as the destination's output
     */
    public List<String> publish(Delivery delivery, ShotGridSettings settings, String destination,
                                List<String> delivered) throws IOException {
        Objects.requireNonNull(delivery.clip(), "the delivery has no clip file");
        VersionName name = VersionName.of(delivery);
        String code = delivery.briefId() + "_" + name.baseName();
        ShotGridApi api = new ShotGridApi(http, tokens, settings, destination);

        Optional<JsonNode> found = api.findByCode("versions", code, "code," + MOVIE_FIELD);
        long versionId;
        boolean hasMovie;
        if (found.isPresent()) {
            versionId = found.get().path("id").asLong();
            hasMovie = !found.get().path("attributes").path(MOVIE_FIELD).isMissingNode()
                    && !found.get().path("attributes").path(MOVIE_FIELD).isNull();
            LOG.info("Job {}: ShotGrid Version {} '{}' exists already{}", delivery.jobId(), versionId, code,
                    hasMovie ? " with its movie" : ", without its movie yet");
        } else {
            long shotId = shot(api, settings.shotCode(delivery.briefId(), delivery.shotId()), delivery);
            versionId = api.create("versions", versionFields(delivery, settings, code, shotId, delivered))
                    .path("id").asLong();
            hasMovie = false;
            LOG.info("Job {}: created ShotGrid Version {} '{}'", delivery.jobId(), versionId, code);
        }
        if (!hasMovie) {
            api.upload("versions", versionId, MOVIE_FIELD, delivery.clip(), name.baseName() + ".mp4");
            LOG.info("Job {}: uploaded the movie of ShotGrid Version {}", delivery.jobId(), versionId);
        }
        return List.of("ShotGrid Version " + versionId + " '" + code + "' " + api.detailPage("Version", versionId)
                + (hasMovie ? " (already complete)" : " (movie uploaded)"));
    }

    private static long shot(ShotGridApi api, String shotCode, Delivery delivery) {
        Optional<JsonNode> shot = api.findByCode("shots", shotCode, "code");
        if (shot.isPresent()) {
            return shot.get().path("id").asLong();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", shotCode);
        fields.put("description", "Shot " + delivery.shotId() + " of brief " + delivery.briefId()
                + (delivery.title() == null ? "" : " (" + delivery.title() + ")") + ", created by ReelHub.");
        return api.create("shots", fields).path("id").asLong();
    }

    private static Map<String, Object> versionFields(Delivery delivery, ShotGridSettings settings, String code,
                                                     long shotId, List<String> delivered) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("entity", Map.of("type", "Shot", "id", shotId));
        fields.put("description", description(delivery));
        fields.put("sg_status_list", settings.status());
        pathToFrames(delivery.shotId(), delivered).ifPresent(path -> fields.put("sg_path_to_frames", path));
        return fields;
    }

    /** The lineage every output carries, as a Version's description: a reviewer reads it beside the movie. */
    static String description(Delivery delivery) {
        Lineage lineage = Lineage.of(delivery);
        return "AI-generated (IPTC digital source type trainedAlgorithmicMedia) by ReelHub. Brief "
                + delivery.briefId() + " " + lineage.versionLabel() + ", shot " + delivery.shotId()
                + (delivery.title() == null ? "" : " (" + delivery.title() + ")") + ". Model " + delivery.model()
                + " via " + delivery.provider() + (delivery.providerJobId() == null ? ""
                : " (job " + delivery.providerJobId() + ")") + (delivery.seed() == null ? ""
                : ", seed " + delivery.seed()) + ". Prompt: " + delivery.prompt();
    }

    /** {@code <folder>/sh010_kf%02d.png} when the keyframes were delivered to a folder before this destination. */
    static Optional<String> pathToFrames(String shotId, List<String> delivered) {
        String first = StoryboardNames.keyframe(shotId, 1);
        return delivered.stream().filter(output -> !output.contains("://")).map(Path::of)
                .filter(path -> path.getFileName() != null && path.getFileName().toString().equals(first))
                .findFirst()
                .map(path -> path.resolveSibling(shotId + "_kf%02d.png").toString());
    }
}
