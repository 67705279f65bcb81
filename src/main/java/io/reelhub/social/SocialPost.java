package io.reelhub.social;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.reelhub.delivery.Lineage;

/**
 * One post to one platform, as a scheduler receives it: the approved rendition's public URL, the text exactly as it
 * will appear, when to publish, and the clip's lineage. Every scheduler connector sets the platforms' AI-disclosure
 * flags for it; a post never goes out without them.
 *
 * @param platform   the platform as briefs name it ({@code tiktok})
 * @param title      a short title for platforms that need one (YouTube), from the brief's title or id
 * @param text       the caption with its hashtags, exactly as posted
 * @param hashtags   the hashtags in {@code text}, without {@code #}
 * @param scheduleAt when to publish; null for the scheduler's next slot
 * @param media      the rendition(s) to attach, in order
 */
public record SocialPost(
        String jobId,
        String project,
        String briefId,
        int version,
        String shotId,
        String platform,
        String title,
        String text,
        List<String> hashtags,
        Instant scheduleAt,
        List<Media> media,
        Lineage lineage) {

    /**
     * A file the post carries.
     *
     * @param file the approved file on the hub's disk (for folder destinations), may be null
     * @param url  where the scheduler downloads it ({@code GET /api/jobs/{id}/outputs/{name}})
     */
    public record Media(String fileName, Path file, URI url) {
    }

    public SocialPost {
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** {@code <jobId>.<destination>.<platform>}: the same for every attempt, different for every post. */
    public String idempotencyKey(String destination) {
        return jobId + "." + destination + "." + platform;
    }

    /** What log lines and errors call this post. */
    public String describe() {
        return platform + " post of job " + jobId;
    }
}
