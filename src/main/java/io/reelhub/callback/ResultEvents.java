package io.reelhub.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.outputs.GenerationLinks;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * Builds the webhook body for a job that ended, from the ledger as it stands inside the ending transaction: every
 * generation with its state, seed and the URLs of its clip and thumbnail, so a creative tool can show the variations
 * of a concept brief from the one callback.
 */
@Component
class ResultEvents {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JobStore store;
    private final GenerationLinks links;
    private final ObjectMapper json;

    ResultEvents(JobStore store, GenerationLinks links, ObjectMapper json) {
        this.store = store;
        this.links = links;
        this.json = json;
    }

    static String type(JobState state) {
        return "job." + state.name().toLowerCase(Locale.ROOT);
    }

    ResultEvent of(Job job) {
        List<ResultEvent.Generation> generations = new ArrayList<>();
        List<String> outputs = new ArrayList<>(outputs(job));
        if (job.isParent()) {
            for (Job child : store.children(job.id())) {
                List<String> childOutputs = outputs(child);
                outputs.addAll(childOutputs);
                GenerationLinks.Links media = links.of(child);
                generations.add(new ResultEvent.Generation(child.id(), child.shotId(), child.state().name(),
                        child.lastError(), childOutputs, media.seed(), media.thumbnail(), media.video()));
            }
        }
        GenerationLinks.Links own = links.of(job);
        return new ResultEvent(type(job.state()), job.updatedAt(), new ResultEvent.Data(job.id(), job.project(),
                job.briefId(), job.versionLabel(), job.stage(), job.title(), job.state().name(),
                job.state() == JobState.DELIVERED ? null : job.lastError(), outputs, job.costEstimateUsd(),
                job.createdAt(), job.updatedAt(), generations, own.seed(), own.thumbnail(), own.video()));
    }

    String write(ResultEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result event is plain data", e);
        }
    }

    private List<String> outputs(Job job) {
        if (job.outputsJson() == null) {
            return List.of();
        }
        try {
            return json.readValue(job.outputsJson(), STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
