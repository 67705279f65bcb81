package io.reelhub.delivery.storyboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.brief.PromptSection;
import io.reelhub.delivery.Delivery;
import io.reelhub.dispatch.SpecCodec;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;

/**
 * Reads a delivery's brief back from the job ledger: the brief as accepted (kept on the job, or on its parent for
 * a multi-shot brief) and the plan of every generation (the jobs' specs), so that a package shows the whole
 * brief, in the brief's shot order, with the lengths, models and seeds that were actually asked for.
 */
@Component
public class BriefOutlines {

    private final JobStore jobs;
    private final SpecCodec specs;
    private final ObjectMapper json;

    public BriefOutlines(JobStore jobs, SpecCodec specs, ObjectMapper json) {
        this.jobs = jobs;
        this.specs = specs;
        this.json = json;
    }

    public BriefOutline of(Delivery delivery) {
        Job job = jobs.find(delivery.jobId()).orElseThrow(() -> new IllegalStateException("job "
                + delivery.jobId() + " is not in the ledger"));
        Job parent = job.parentId() == null ? null : jobs.find(job.parentId()).orElseThrow(() ->
                new IllegalStateException("job " + job.id() + " names a parent " + job.parentId()
                        + " that is not in the ledger"));
        String briefJson = parent != null ? parent.briefJson() : job.briefJson();
        if (briefJson == null) {
            throw new IllegalStateException("job " + job.id() + " has no brief recorded");
        }
        JsonNode brief = read(job, briefJson);
        List<Job> generations = parent == null ? List.of(job) : jobs.children(parent.id());
        return outline(brief, generations.stream().map(specs::read).toList(), job);
    }

    BriefOutline outline(JsonNode brief, List<GenerationSpec> generations, Job job) {
        Map<String, JsonNode> shotsById = new LinkedHashMap<>();
        brief.path("shots").forEach(shot -> shotsById.put(shot.path("id").asText(), shot));
        List<String> briefOrder = new ArrayList<>(shotsById.keySet());
        List<GenerationSpec> ordered = generations.stream()
                .sorted(Comparator.comparingInt((GenerationSpec spec) -> {
                    int at = briefOrder.indexOf(spec.shotId());
                    return at < 0 ? Integer.MAX_VALUE : at;
                }).thenComparing(GenerationSpec::shotId))
                .toList();
        List<PlannedShot> shots = new ArrayList<>();
        double start = 0;
        for (GenerationSpec spec : ordered) {
            JsonNode shot = shotsById.get(spec.shotId());
            String action = shot == null ? null : text(shot.path("action"));
            shots.add(new PlannedShot(spec.shotId(), shots.size() + 1, spec.seconds(), start,
                    start + spec.seconds(), promptParts(brief.path("prompt"), action), spec.modelId(), spec.seed()));
            start += spec.seconds();
        }
        return new BriefOutline(job.project(), job.briefId(), job.title(), job.version(), shots);
    }

    /** The prompt as a shot sends it: the brief's sections in their fixed order, the shot's own action in place. */
    static List<PromptPart> promptParts(JsonNode prompt, String shotAction) {
        List<PromptPart> parts = new ArrayList<>();
        String freeText = prompt.isTextual() ? prompt.asText() : text(prompt.path("text"));
        if (freeText != null) {
            parts.add(new PromptPart("Prompt", oneParagraph(freeText)));
            if (shotAction != null) {
                parts.add(new PromptPart(PromptSection.ACTION.label(), oneParagraph(shotAction)));
            }
            return parts;
        }
        Map<PromptSection, String> given = new EnumMap<>(PromptSection.class);
        for (PromptSection section : PromptSection.values()) {
            String value = section == PromptSection.ACTION && shotAction != null ? shotAction
                    : text(prompt.path(section.fieldName()));
            if (value != null) {
                given.put(section, oneParagraph(value));
            }
        }
        given.forEach((section, value) -> parts.add(new PromptPart(section.label(), value)));
        return parts;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** YAML block scalars keep their line breaks; a sheet's caption is one paragraph. */
    private static String oneParagraph(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private JsonNode read(Job job, String briefJson) {
        try {
            return json.readTree(briefJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id() + " has an unreadable brief", e);
        }
    }
}
