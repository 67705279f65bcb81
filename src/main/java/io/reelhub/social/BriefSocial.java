package io.reelhub.social;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.brief.Social;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;

/** A job's {@code social:} section, read from the brief it was queued with (a generation reads its parent's). */
@Component
public class BriefSocial {

    private final JobStore store;
    private final ObjectMapper json;

    public BriefSocial(JobStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public Optional<Social> of(Job job) {
        String briefJson = job.briefJson();
        if (briefJson == null && job.parentId() != null) {
            briefJson = store.find(job.parentId()).map(Job::briefJson).orElse(null);
        }
        if (briefJson == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(briefJson).path("social");
            return node.isObject() ? Optional.of(json.treeToValue(node, Social.class)) : Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id() + " has an unreadable brief", e);
        }
    }
}
