package io.reelhub.social;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.reelhub.jobs.Job;

/**
 * The names of the files the social stage puts in a job's review package, so that what the reviewer sees is what
 * the destinations publish: one rendition per platform, {@code <shot>_v<NNN>_<platform>.mp4}, the text to post
 * ({@value #CAPTION}, editable until approval) and a preview of every post ({@value #PREVIEW}).
 */
public final class ReviewFiles {

    public static final String CAPTION = "caption.txt";
    public static final String PREVIEW = "post.json";

    private ReviewFiles() {
    }

    public static String rendition(Job job, String platform) {
        return (job.shotId() == null ? "clip" : job.shotId()) + "_" + job.versionLabel() + "_" + platform + ".mp4";
    }

    public static Optional<Path> named(List<Path> files, String name) {
        return files.stream().filter(file -> file.getFileName().toString().equals(name)).findFirst();
    }
}
