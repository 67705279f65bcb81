package io.reelhub.social;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.reelhub.outputs.OutputUrls;
import io.reelhub.brief.Social;
import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;
import io.reelhub.review.ReviewGate;

/**
 * The posts a social clip makes once it is approved: one per platform of the brief, each with the rendition the
 * reviewer saw (from {@code review/approved/}, downloaded by schedulers from its output URL) and the text of the
 * approved {@code caption.txt}, so a caption corrected in review is the one posted. A job that needs a human
 * approval and has none is never turned into posts, whatever route reached here.
 */
@Component
public class SocialPosts {

    private final JobStore store;
    private final ReviewGate review;
    private final OutputUrls urls;
    private final BriefSocial briefs;

    public SocialPosts(JobStore store, ReviewGate review, OutputUrls urls, BriefSocial briefs) {
        this.store = store;
        this.review = review;
        this.urls = urls;
        this.briefs = briefs;
    }

    public List<SocialPost> of(Delivery delivery) {
        Job job = store.find(delivery.jobId()).orElseThrow(() -> new IllegalStateException("no job "
                + delivery.jobId()));
        List<Path> files = reviewedFiles(job);
        Social social = briefs.of(job).orElseThrow(() -> new IllegalStateException("job " + job.id() + " has no"
                + " social: section in its brief; nothing to post"));
        String text = ReviewFiles.named(files, ReviewFiles.CAPTION).map(SocialPosts::read)
                .orElseGet(() -> CaptionText.of(social));
        List<SocialPost> posts = new ArrayList<>();
        for (String platform : social.platforms()) {
            String name = ReviewFiles.rendition(job, platform);
            Path rendition = ReviewFiles.named(files, name).orElseThrow(() -> new IllegalStateException("job "
                    + job.id() + " has no approved " + platform + " rendition (" + name + ") in its review package"));
            posts.add(new SocialPost(job.id(), job.project(), job.briefId(), job.version(), job.shotId(), platform,
                    job.title(), text, CaptionText.hashtagsIn(text),
                    social.scheduleAt() == null ? null : social.scheduleAt().toInstant(),
                    List.of(new SocialPost.Media(name, rendition, urls.urlOf(job.id(), rendition))),
                    Lineage.of(delivery)));
        }
        return posts;
    }

    /** Approved by a person, or made straight in approved/ for a project that publishes without review. */
    private List<Path> reviewedFiles(Job job) {
        List<Path> approved = review.approvedFiles(job.id());
        if (approved.isEmpty()) {
            throw new IllegalStateException("job " + job.id() + " has no approved review package: nothing is"
                    + " published to a social scheduler without a human approval");
        }
        return approved;
    }

    private static String read(Path caption) {
        try {
            return Files.readString(caption, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the approved " + caption.getFileName(), e);
        }
    }
}
