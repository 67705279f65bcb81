package io.reelhub.dispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.DeliveryRoutes;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.media.ProbeResult;

/**
 * Hands a checked clip to its stage's route. Connectors never overwrite, so a delivery repeated after a crash finds
 * its files already in place and succeeds without a second copy.
 */
@Component
class DeliverStep implements JobStep {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverStep.class);

    private final JobStore store;
    private final DeliveryRoutes routes;
    private final SpecCodec specs;
    private final ObjectMapper json;

    DeliverStep(JobStore store, DeliveryRoutes routes, SpecCodec specs, ObjectMapper json) {
        this.store = store;
        this.routes = routes;
        this.specs = specs;
        this.json = json;
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
        GenerationSpec spec = specs.read(job);
        ProbeResult probe = read(job.probeJson());
        Delivery delivery = new Delivery(job.id(), job.briefId(), job.project(), job.version(), job.shotId(),
                job.stage(), job.title(), job.model(), job.provider(), job.providerJobId(), spec.seed(),
                spec.prompt(), job.costEstimateUsd(), "sandbox".equals(job.provider()), Path.of(job.clipPath()),
                probe.width(), probe.height(), probe.durationSeconds(), probe.fps(), job.createdAt(),
                job.renderedAt());
        List<String> outputs = routes.deliver(delivery);
        store.transition(job.id(), JobState.DELIVERING, JobState.DELIVERED,
                "delivered " + outputs.size() + " file(s) for stage " + job.stage(),
                JobChanges.none().set("outputs_json", write(outputs)).set("last_error", null));
        removeWorkFolder(Path.of(job.clipPath()).getParent());
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
