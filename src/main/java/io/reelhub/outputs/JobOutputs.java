package io.reelhub.outputs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.reelhub.delivery.DeliveryStore;
import io.reelhub.delivery.DestinationDelivery;
import io.reelhub.jobs.Job;
import io.reelhub.review.ReviewGate;

/**
 * The local files a job may hand out by name: what it delivered (to folders and bins on this machine) and what it
 * holds for review. Nothing else under the hub's home is reachable through a job, whatever name is asked for.
 */
@Component
public class JobOutputs {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final DeliveryStore deliveries;
    private final ReviewGate review;
    private final ObjectMapper json;

    public JobOutputs(DeliveryStore deliveries, ReviewGate review, ObjectMapper json) {
        this.deliveries = deliveries;
        this.review = review;
        this.json = json;
    }

    /** The job's file called {@code name}, if it has one that still exists. */
    public Optional<Path> find(Job job, String name) {
        return files(job).stream().filter(file -> file.getFileName().toString().equals(name)).findFirst();
    }

    public List<Path> files(Job job) {
        List<Path> files = new ArrayList<>();
        List<String> written = new ArrayList<>(read(job.outputsJson()));
        deliveries.forJob(job.id()).stream().map(DestinationDelivery::outputs).forEach(written::addAll);
        for (String output : written) {
            localFile(output).ifPresent(files::add);
        }
        files.addAll(review.filesOf(job));
        return files.stream().distinct().filter(Files::isRegularFile).toList();
    }

    private static Optional<Path> localFile(String output) {
        if (output == null || output.contains("://")) {
            return Optional.empty();  // an object store key or a remote URL, not a file of this machine
        }
        try {
            Path path = Path.of(output);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private List<String> read(String outputsJson) {
        if (outputsJson == null) {
            return List.of();
        }
        try {
            return json.readValue(outputsJson, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
