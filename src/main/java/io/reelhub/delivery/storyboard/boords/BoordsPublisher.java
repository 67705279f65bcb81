package io.reelhub.delivery.storyboard.boords;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.outputs.OutputUrls;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.http.DestinationHttp;
import io.reelhub.delivery.storyboard.BriefOutline;
import io.reelhub.delivery.storyboard.PackagedFrame;
import io.reelhub.delivery.storyboard.PlannedShot;
import io.reelhub.delivery.storyboard.PromptPart;
import io.reelhub.delivery.storyboard.StoryboardNames;
import io.reelhub.delivery.storyboard.StoryboardPackage;
import io.reelhub.delivery.storyboard.StoryboardPackages;

/**
 * Publishes a shot's keyframes to a Boords storyboard, one frame per keyframe with the prompt as its text. The
 * storyboard is the brief version's ({@code <project>/<brief> v<NNN>}), found by that name in the configured project or
 * created; each frame carries a stable reference ({@code sh010-kf01}). A re-delivery, after a crash or a failed
 * attempt, looks both up first and creates only what is missing, so nothing is ever duplicated. The
 * {@code boords-sink} kamelet calls {@link #deliver(Exchange)}.
 */
@Component("boordsPublisher")
public class BoordsPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(BoordsPublisher.class);
    /** Find-or-create of one storyboard must not race with another shot of the same brief delivered at once. */
    private static final Object[] STORYBOARD_LOCKS = newLocks(64);

    private final StoryboardPackages packages;
    private final OutputUrls urls;
    private final DestinationHttp http = new DestinationHttp();

    public BoordsPublisher(StoryboardPackages packages, OutputUrls urls) {
        this.packages = packages;
        this.urls = urls;
    }

    /**
     * The kamelet's entry point: the body is the {@link Delivery}, the settings come in the exchange properties
     * {@value BoordsSettings#PROPERTY_PREFIX}*. Sets {@value DeliveryRoutes#OUTPUTS_HEADER} to a receipt naming
     * the storyboard and its frames.
     */
    public void deliver(Exchange exchange) throws IOException, InterruptedException, InvalidPayloadException {
        Delivery delivery = exchange.getMessage().getMandatoryBody(Delivery.class);
        String destination = exchange.getMessage().getHeader(DeliveryRoutes.DESTINATION_HEADER, "boords",
                String.class);
        BoordsSettings settings = BoordsSettings.fromProperties(exchange.getProperties());
        List<String> receipt = publish(delivery, packages.of(delivery), settings, destination,
                delivered(exchange.getMessage().getHeader(DeliveryRoutes.DELIVERED_HEADER)));
        exchange.getMessage().setHeader(DeliveryRoutes.OUTPUTS_HEADER, receipt);
    }

    /**
     * @param delivered what the job's other destinations wrote: in {@code url} mode the keyframes must be among
     *                  them, because the hub serves a job's files by URL only once delivered
     * @return the receipt recorded as the destination's output
     */
    public List<String> publish(Delivery delivery, StoryboardPackage storyboard, BoordsSettings settings,
                                String destination, List<String> delivered) throws IOException {
        BoordsApi api = new BoordsApi(http, settings, destination);
        BriefOutline outline = storyboard.outline();
        String name = storyboardName(outline);
        List<BoordsFrame> frames = frames(delivery, storyboard, settings, destination, delivered);

        String storyboardId;
        synchronized (lockFor(settings.baseUrl() + "|" + settings.projectId() + "|" + name)) {
            storyboardId = api.findStoryboard(name).orElse(null);
            if (storyboardId == null) {
                storyboardId = api.createStoryboard(name, description(outline));
                LOG.info("Job {}: created the Boords storyboard {} '{}'", delivery.jobId(), storyboardId, name);
            }
        }
        Map<String, String> existing = api.frameReferences(storyboardId);
        List<String> frameIds = new ArrayList<>();
        int created = 0;
        for (BoordsFrame frame : frames) {
            String id = existing.get(frame.reference());
            if (id == null) {
                id = api.createFrame(storyboardId, frame);
                created++;
            }
            frameIds.add(id);
        }
        LOG.info("Job {}: Boords storyboard {} has the {} frame(s) of {} ({} new)", delivery.jobId(), storyboardId,
                frameIds.size(), storyboard.shot().id(), created);
        return List.of("Boords " + DestinationHttp.origin(settings.baseUrl()) + " storyboard " + storyboardId + " '"
                + name + "': frames " + String.join(", ", frameIds) + " (" + created + " created, "
                + (frameIds.size() - created) + " already there)");
    }

    /**
     * {@code acme-spring/neon-street v001}: one storyboard per brief version, stable so a re-delivery finds it; the
     * hub's project is part of it because brief ids are unique only within a project, and one Boords project may
     * take the storyboards of several.
     */
    static String storyboardName(BriefOutline outline) {
        return outline.project() + "/" + outline.briefId() + " " + outline.versionLabel();
    }

    private List<BoordsFrame> frames(Delivery delivery, StoryboardPackage storyboard, BoordsSettings settings,
                                     String destination, List<String> delivered) {
        PlannedShot shot = storyboard.shot();
        List<BoordsFrame> frames = new ArrayList<>();
        for (PackagedFrame keyframe : storyboard.keyframes()) {
            String reference = StoryboardNames.frameReference(shot.id(), keyframe.index());
            int sortOrder = shot.order() * 100 + keyframe.index();
            String action = shot.part("Action").or(() -> shot.part("Prompt")).orElse("");
            String notes = notes(delivery, storyboard, keyframe);
            frames.add(settings.imageUpload() == BoordsSettings.ImageUpload.URL
                    ? new BoordsFrame(reference, sortOrder, action, notes, null,
                            imageUrl(delivery, keyframe, destination, delivered))
                    : new BoordsFrame(reference, sortOrder, action, notes, keyframe.image(), null));
        }
        return frames;
    }

    private URI imageUrl(Delivery delivery, PackagedFrame keyframe, String destination, List<String> delivered) {
        Optional<Path> copy = delivered.stream().filter(output -> !output.contains("://")).map(Path::of)
                .filter(path -> path.getFileName() != null
                        && path.getFileName().toString().equals(keyframe.fileName()))
                .findFirst();
        return urls.urlOf(delivery.jobId(), copy.orElseThrow(() -> new IllegalStateException(destination
                + ": imageUpload url lets Boords fetch each keyframe from the hub, which serves only delivered files,"
                + " and " + keyframe.fileName() + " was not delivered yet: list a folder destination (e.g."
                + " storyboard-folder) before " + destination + ", or use imageUpload base64")));
    }

    private static String notes(Delivery delivery, StoryboardPackage storyboard, PackagedFrame keyframe) {
        PlannedShot shot = storyboard.shot();
        StringBuilder notes = new StringBuilder();
        for (PromptPart part : shot.prompt()) {
            if (!part.label().equals("Action")) {
                notes.append(part.label()).append(": ").append(part.text()).append('\n');
            }
        }
        notes.append(String.format(Locale.ROOT, "Shot %s, keyframe %d of %d at %.2f s of %d s.%n", shot.id(),
                keyframe.index(), storyboard.keyframes().size(), keyframe.seconds(), shot.seconds()));
        notes.append("AI-generated (").append(delivery.model())
                .append(delivery.seed() == null ? "" : ", seed " + delivery.seed()).append(") for brief ")
                .append(delivery.briefId()).append(' ').append(storyboard.outline().versionLabel())
                .append(" by ReelHub.");
        return notes.toString();
    }

    private static String description(BriefOutline outline) {
        return (outline.title() == null ? "" : outline.title() + ". ") + "AI-generated storyboard of brief "
                + outline.briefId() + " " + outline.versionLabel() + " (project " + outline.project()
                + "), delivered by ReelHub.";
    }

    private static List<String> delivered(Object header) {
        List<String> outputs = new ArrayList<>();
        if (header instanceof Collection<?> items) {
            items.forEach(item -> outputs.add(String.valueOf(item)));
        }
        return outputs;
    }

    private static Object lockFor(String key) {
        return STORYBOARD_LOCKS[Math.floorMod(key.hashCode(), STORYBOARD_LOCKS.length)];
    }

    private static Object[] newLocks(int count) {
        Object[] locks = new Object[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
        }
        return locks;
    }
}
