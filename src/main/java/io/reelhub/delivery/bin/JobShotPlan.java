package io.reelhub.delivery.bin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelhub.delivery.Delivery;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a brief version's shot plan from the job ledger: a brief with one generation is its own job, a brief with
 * {@code shots:} is a parent job whose brief lists the shots in timeline order (the ledger's children are sorted by
 * id, not by the brief's order, so the brief is what counts).
 */
@Component
class JobShotPlan implements BriefShotPlan {

    private static final Logger LOG = LoggerFactory.getLogger(JobShotPlan.class);

    private final JobStore jobs;
    // The brief JSON is the hub's own format, read with a plain mapper rather than the application's settings.
    private final ObjectMapper json = new ObjectMapper();

    JobShotPlan(JobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public Optional<List<String>> shotsInOrder(Delivery delivery) {
        Optional<Job> found = jobs.find(delivery.jobId());
        if (found.isEmpty()) {
            LOG.warn("Job {} is not in the ledger: no brief timeline for {}", delivery.jobId(), delivery.briefId());
            return Optional.empty();
        }
        Job job = found.get();
        if (job.parentId() == null) {
            return Optional.of(List.of(job.shotId()));
        }
        Job parent = jobs.find(job.parentId()).orElseThrow(() -> new IllegalStateException(
                "job " + job.id() + " names parent " + job.parentId() + ", which is not in the ledger"));
        List<String> shots = new ArrayList<>();
        try {
            json.readTree(parent.briefJson() == null ? "{}" : parent.briefJson()).path("shots")
                    .forEach((JsonNode shot) -> shots.add(shot.path("id").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + parent.id() + " has an unreadable brief", e);
        }
        if (shots.isEmpty()) {
            return Optional.empty();
        }
        if (!shots.contains(delivery.shotId())) {
            LOG.warn("Shot {} of job {} is not among the brief's shots {}: no brief timeline", delivery.shotId(),
                    job.id(), shots);
            return Optional.empty();
        }
        return Optional.of(List.copyOf(shots));
    }
}
