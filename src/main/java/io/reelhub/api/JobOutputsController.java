package io.reelhub.api;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.reelhub.jobs.Job;
import io.reelhub.outputs.JobOutputs;
import io.reelhub.jobs.JobStore;

/**
 * {@code GET /api/jobs/{id}/outputs/{name}}: one of the job's delivered or review files by its file name, streamed
 * from disk (range requests allowed, so players can seek). The URLs {@link OutputUrls} hands to schedulers and
 * creative software point here.
 */
@RestController
@RequestMapping("/api/jobs")
class JobOutputsController {

    private final JobStore store;
    private final JobOutputs outputs;

    JobOutputsController(JobStore store, JobOutputs outputs) {
        this.store = store;
        this.outputs = outputs;
    }

    @GetMapping("/{id}/outputs/{name}")
    ResponseEntity<Resource> output(@PathVariable String id, @PathVariable String name) {
        Job job = store.find(id).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "No such job",
                "no job with id '" + id + "'"));
        Path file = outputs.find(job, name).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "No such output",
                "job " + id + " has no output named '" + name + "'; GET /api/jobs/" + id + " lists its outputs")
                .with("outputs", outputs.files(job).stream().map(f -> f.getFileName().toString()).toList()));
        MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
    }
}
