package io.reelhub.callback;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobEnded;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * Queues the result webhook of a brief that asked for one, when its job (the parent, for a brief with several
 * generations) is delivered or fails. Runs inside the transaction that ends the job (see {@link JobEnded}): the
 * outbox row and the final state are committed together, and nothing here leaves the process.
 */
@Component
class JobEndCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(JobEndCallbacks.class);
    private static final Set<JobState> NOTIFIED = Set.of(JobState.DELIVERED, JobState.FAILED);

    private final JobStore store;
    private final CallbackOutbox outbox;
    private final ResultEvents events;
    private final ObjectMapper json;

    JobEndCallbacks(JobStore store, CallbackOutbox outbox, ResultEvents events, ObjectMapper json) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.json = json;
    }

    @EventListener
    void on(JobEnded ended) {
        if (!NOTIFIED.contains(ended.state())) {
            return;
        }
        Job job = store.find(ended.jobId()).orElse(null);
        if (job == null || job.parentId() != null) {
            return;
        }
        Optional<URI> url = callbackOf(job);
        if (url.isEmpty()) {
            return;
        }
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        ResultEvent event = events.of(job);
        outbox.add(id, job.id(), event.type(), url.get().toString(), events.write(event));
        LOG.info("Job {} {}: callback {} to {} queued", job.id(), ended.state(), id, url.get().getHost());
    }

    private Optional<URI> callbackOf(Job job) {
        if (job.briefJson() == null) {
            return Optional.empty();
        }
        try {
            String url = json.readTree(job.briefJson()).path("callback").asText("");
            return url.isBlank() ? Optional.empty() : Optional.of(URI.create(url));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Job {}: the brief's callback could not be read back ({}); no callback sent", job.id(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
