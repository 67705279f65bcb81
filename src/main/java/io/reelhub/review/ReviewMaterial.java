package io.reelhub.review;

import java.nio.file.Path;
import java.util.List;

import io.reelhub.jobs.Job;

/**
 * Something a reviewer must see besides the clip itself, such as the social renditions of a clip. Every Spring bean
 * implementing it is asked when a job is held for review; the files it returns are copied into the job's review
 * folder, beside the clip and {@code review.json}.
 */
public interface ReviewMaterial {

    /**
     * @param job        the job being held
     * @param workFolder the job's private work folder, where the material may be made
     * @return the files to put in the review folder; empty when this material does not apply to the job
     */
    List<Path> prepare(Job job, Path workFolder) throws Exception;
}
