package io.reelhub.dispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryDeferredException;
import io.reelhub.delivery.DeliveryProperties;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.delivery.DeliveryState;
import io.reelhub.delivery.DeliveryStore;
import io.reelhub.delivery.DestinationDelivery;
import io.reelhub.delivery.StageTable;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.media.ProbeResult;

/**
 * Hands a checked clip to each of its destinations, separately: every destination has its own row in the
 * deliveries table, its own attempts and back-off, and is parked on its own after
 * {@code reelhub.delivery.max-attempts} failures. A destination that is down never holds back the others, and one
 * that is done is never sent again. The job is DELIVERED when every destination is, PARKED when the only ones left
 * are parked. Connectors never overwrite, so a delivery repeated after a crash finds its files in place and succeeds.
 * A destination that cannot take the delivery yet and says when ({@link DeliveryDeferredException}: a platform's
 * rate limit, a 429) is tried again then, without counting a failed attempt.
 */
@Component
class DeliverStep implements JobStep {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverStep.class);

    private final JobStore store;
    private final DeliveryStore deliveries;
    private final DeliveryRoutes routes;
    private final StageTable stages;
    private final SpecCodec specs;
    private final ObjectMapper json;
    private final DispatchProperties dispatch;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliverStep(JobStore store, DeliveryStore deliveries, DeliveryRoutes routes, StageTable stages, SpecCodec specs,
                ObjectMapper json, DispatchProperties dispatch, DeliveryProperties properties, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.routes = routes;
        this.stages = stages;
        this.specs = specs;
        this.json = json;
        this.dispatch = dispatch;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Set<JobState> handles() {
        return Set.of(JobState.DELIVERING);
    }

    @Override
    public String name() {
        return "delivery";
    }

    @Override
    public void run(Job job) {
        List<String> destinations = stages.destinationsFor(job.project(), job.stage(), briefDestinations(job));
        if (destinations.isEmpty()) {
            throw new IllegalStateException("stage " + job.stage() + " feeds no destination any more (see"
                    + " reelhub.stages." + job.stage() + ".destinations)");
        }
        deliveries.plan(job.id(), destinations);
        Delivery delivery = delivery(job);
        Instant now = clock.instant();
        for (DestinationDelivery pending : deliveries.forJob(job.id())) {
            if (pending.isDue(now)) {
                attempt(delivery, pending);
            }
        }
        settle(job);
    }

    private void attempt(Delivery delivery, DestinationDelivery pending) {
        String destination = pending.destination();
        List<String> elsewhere = deliveries.forJob(delivery.jobId()).stream()
                .filter(d -> d.state() == DeliveryState.DELIVERED)
                .flatMap(d -> d.outputs().stream()).toList();
        try {
            List<String> outputs = routes.deliver(delivery, destination, elsewhere);
            deliveries.markDelivered(delivery.jobId(), destination, outputs);
            LOG.info("Job {}: delivered to {} ({} output(s))", delivery.jobId(), destination, outputs.size());
        } catch (RuntimeException e) {
            Optional<DeliveryDeferredException> deferred = DeliveryDeferredException.in(e);
            if (deferred.isPresent()) {
                Instant at = deferred.get().notBefore();
                LOG.info("Job {}: delivery to {} deferred until {}: {}", delivery.jobId(), destination, at,
                        deferred.get().getMessage());
                deliveries.deferUntil(delivery.jobId(), destination, at, "waiting until " + at + ": "
                        + deferred.get().getMessage());
                return;
            }
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            int failed = pending.attempts() + 1;
            if (failed >= properties.maxAttempts()) {
                String reason = "parked after " + failed + " failed attempts: " + error;
                LOG.warn("Job {}: delivery to {} {}", delivery.jobId(), destination, reason);
                deliveries.park(delivery.jobId(), destination, reason);
            } else {
                Duration wait = dispatch.backoff(pending.attempts());
                LOG.info("Job {}: delivery to {} attempt {} failed, next in {} ms: {}", delivery.jobId(),
                        destination, failed, wait.toMillis(), error);
                deliveries.retryLater(delivery.jobId(), destination, clock.instant().plus(wait),
                        "attempt " + failed + " of " + properties.maxAttempts() + " failed: " + error);
            }
        }
    }

    /** Moves the job on from what its deliveries now say. */
    private void settle(Job job) {
        List<DestinationDelivery> all = deliveries.forJob(job.id());
        List<String> outputs = all.stream().filter(d -> d.state() == DeliveryState.DELIVERED)
                .flatMap(d -> d.outputs().stream()).toList();
        List<DestinationDelivery> pending = all.stream().filter(d -> d.state() == DeliveryState.PENDING).toList();
        List<DestinationDelivery> parked = all.stream().filter(d -> d.state() == DeliveryState.PARKED).toList();
        String delivered = names(all, DeliveryState.DELIVERED);
        if (pending.isEmpty() && parked.isEmpty()) {
            store.transition(job.id(), JobState.DELIVERING, JobState.DELIVERED, "delivered to " + delivered + " ("
                    + outputs.size() + " output(s))", JobChanges.none().set("outputs_json", write(outputs))
                    .set("last_error", null));
            removeWorkFolder(Path.of(job.clipPath()).getParent());
        } else if (!pending.isEmpty()) {
            Instant next = pending.stream().map(DestinationDelivery::nextAttemptAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(clock.instant());
            String note = pending.stream().filter(d -> d.lastError() != null)
                    .map(d -> d.destination() + ": " + d.lastError()).collect(Collectors.joining("; "));
            store.waitUntil(job.id(), JobState.DELIVERING, next, note.isEmpty() ? null : note);
        } else {
            String reason = parked.stream().map(d -> d.destination() + " " + d.lastError())
                    .collect(Collectors.joining("; "));
            String summary = "parked: " + reason + (delivered.isEmpty() ? "" : "; delivered to " + delivered)
                    + "; POST /api/jobs/" + job.id() + "/retry re-queues the parked deliveries";
            store.transition(job.id(), JobState.DELIVERING, JobState.PARKED, summary,
                    JobChanges.none().set("outputs_json", write(outputs)).set("last_error", summary)
                            .set("next_action_at", null));
        }
    }

    private static String names(List<DestinationDelivery> all, DeliveryState state) {
        return all.stream().filter(d -> d.state() == state).map(DestinationDelivery::destination)
                .collect(Collectors.joining(", "));
    }

    /** The brief's own {@code destinations:}; a generation of a multi-shot brief reads its parent's brief. */
    private List<String> briefDestinations(Job job) {
        String briefJson = job.briefJson();
        if (briefJson == null && job.parentId() != null) {
            briefJson = store.find(job.parentId()).map(Job::briefJson).orElse(null);
        }
        if (briefJson == null) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            json.readTree(briefJson).path("destinations").forEach((JsonNode n) -> names.add(n.asText()));
            return names;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id() + " has an unreadable brief", e);
        }
    }

    private Delivery delivery(Job job) {
        GenerationSpec spec = specs.read(job);
        ProbeResult probe = read(job.probeJson());
        return new Delivery(job.id(), job.briefId(), job.project(), job.version(), job.shotId(), job.stage(),
                job.title(), job.model(), job.provider(), job.providerJobId(), spec.seed(), spec.prompt(),
                job.costEstimateUsd(), "sandbox".equals(job.provider()), Path.of(job.clipPath()), probe.width(),
                probe.height(), probe.durationSeconds(), probe.fps(), job.createdAt(), job.renderedAt(),
                probe.hasAudio());
    }

    private ProbeResult read(String probeJson) {
        try {
            return json.readValue(probeJson, ProbeResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable probe result", e);
        }
    }

    private String write(List<String> outputs) {
        try {
            return json.writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeWorkFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not clean the work folder {}: {}", folder, e.getMessage());
        }
    }
}
