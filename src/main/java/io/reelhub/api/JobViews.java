package io.reelhub.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.delivery.DeliveryStore;
import io.reelhub.jobs.Job;
import io.reelhub.outputs.GenerationLinks;
import io.reelhub.jobs.JobTransition;
import io.reelhub.jobs.JobStore;

/** Turns ledger rows into {@link JobView}s, so every endpoint that answers with a job answers with the same shape. */
@Component
class JobViews {

    private final JobStore store;
    private final DeliveryStore deliveries;
    private final GenerationLinks links;
    private final ObjectMapper json;

    JobViews(JobStore store, DeliveryStore deliveries, GenerationLinks links, ObjectMapper json) {
        this.store = store;
        this.deliveries = deliveries;
        this.links = links;
        this.json = json;
    }

    /** A job already read, in full. */
    JobView full(Job job) {
        return view(job, true);
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
        if (!full) {
            return view(job, null, null, null, GenerationLinks.Links.NONE);
        }
        // children show their deliveries, so a parked shot of a multi-shot brief is visible from the parent, and
        // their seeds and download URLs, so the variations of a concept brief can be compared from it
        List<JobView> children = store.children(job.id()).stream()
                .map(child -> view(child, null, deliveriesOf(child), null, links.of(child))).toList();
        return view(job, children, deliveriesOf(job), store.history(job.id()), links.of(job));
    }

    private JobView view(Job job, List<JobView> children, List<DeliveryView> deliveryViews,
                         List<JobTransition> history, GenerationLinks.Links media) {
        return new JobView(job.id(), job.parentId(), job.project(), job.briefId(),
                job.version() > 0 ? job.versionLabel() : null, job.shotId(), job.stage(), job.title(),
                job.state().name(), job.progress(), job.model(), job.provider(), job.providerJobId(),
                job.providerNote(), job.costEstimateUsd(), job.lastError(), job.source(), tree(job.outputsJson()),
                tree(job.warningsJson()), job.createdAt(), job.updatedAt(), children, deliveryViews, history,
                media.seed(), media.thumbnail(), media.video());
    }

    private List<DeliveryView> deliveriesOf(Job job) {
        return job.isParent() ? null : deliveries.forJob(job.id()).stream().map(DeliveryView::of).toList();
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
