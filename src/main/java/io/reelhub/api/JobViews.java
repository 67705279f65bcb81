package io.reelhub.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;

/** Turns ledger rows into {@link JobView}s, so every endpoint that answers with a job answers with the same shape. */
@Component
class JobViews {

    private final JobStore store;
    private final ObjectMapper json;

    JobViews(JobStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The job with its generations and its whole history, as {@code GET /api/jobs/{id}} shows it. */
    Optional<JobView> full(String id) {
        return store.find(id).map(job -> view(job, true));
    }

    /** The job without history and children, as lists show it. */
    JobView summary(Job job) {
        return view(job, false);
    }

    private JobView view(Job job, boolean full) {
        List<JobView> children = full ? store.children(job.id()).stream().map(c -> view(c, false)).toList() : null;
        return new JobView(job.id(), job.parentId(), job.project(), job.briefId(),
                job.version() > 0 ? job.versionLabel() : null, job.shotId(), job.stage(), job.title(),
                job.state().name(), job.progress(), job.model(), job.provider(), job.providerJobId(),
                job.providerNote(),
                job.costEstimateUsd(), job.lastError(), job.source(), tree(job.outputsJson()),
                tree(job.warningsJson()), job.createdAt(), job.updatedAt(), children,
                full ? store.history(job.id()) : null);
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
