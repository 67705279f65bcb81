package io.reelhub.outputs;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.reelhub.dispatch.SpecCodec;
import io.reelhub.jobs.Job;

/**
 * What creative software needs to show one generation without access to the hub's disks: the seed it was made
 * with and absolute URLs ({@link OutputUrls}) of its clip and its thumbnail, taken from the files the job delivered
 * or holds for review. {@code GET /api/jobs/{id}} and the result webhook both use it, so they name the same URLs;
 * for a concept brief these are the variations the creative tool compares.
 */
@Component
public class GenerationLinks {

    private static final Set<String> VIDEOS = Set.of("mp4", "mov");
    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "webp");

    private final JobOutputs outputs;
    private final OutputUrls urls;
    private final SpecCodec specs;

    GenerationLinks(JobOutputs outputs, OutputUrls urls, SpecCodec specs) {
        this.outputs = outputs;
        this.urls = urls;
        this.specs = specs;
    }

    /**
     * @param seed      the seed sent to the provider; null when the model takes none, or for a parent job
     * @param video     the first clip among the job's files, null when it has none (yet)
     * @param thumbnail the first still image among the job's files, null when it has none
     */
    public record Links(Long seed, URI video, URI thumbnail) {

        /** A parent job's, or a rejected brief's: no generation of its own. */
        public static final Links NONE = new Links(null, null, null);
    }

    /** The job's own seed and links; {@link Links#NONE} for a job that is no generation itself (a parent). */
    public Links of(Job job) {
        if (job.isParent()) {
            return Links.NONE;
        }
        Long seed = specs.read(job).seed();
        List<Path> files = outputs.files(job);
        return new Links(seed, first(job, files, VIDEOS), first(job, files, IMAGES));
    }

    private URI first(Job job, List<Path> files, Set<String> extensions) {
        return files.stream().filter(file -> extensions.contains(extension(file))).findFirst()
                .map(file -> urls.urlOf(job.id(), file)).orElse(null);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
