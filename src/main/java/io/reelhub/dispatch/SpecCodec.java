package io.reelhub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.jobs.Job;

/** Reads and writes the generation a job stands for, as kept in the ledger. */
@Component
public class SpecCodec {

    private final ObjectMapper json;

    public SpecCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(GenerationSpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise generation spec", e);
        }
    }

    public GenerationSpec read(Job job) {
        try {
            return json.readValue(job.specJson(), GenerationSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id() + " has an unreadable generation spec", e);
        }
    }
}
