package io.reelhub.social.ayrshare;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.social.SchedulerException;
import io.reelhub.social.SocialPost;

/**
 * The body of Ayrshare's {@code POST /api/post} for one post to one network (ayrshare.com/docs/apis/post):
 * {@code post}, {@code platforms}, {@code mediaUrls}, {@code isVideo}, {@code scheduleDate} when the brief names a
 * future time (else Ayrshare publishes at once), {@code idempotencyKey}, and the network's options with its
 * AI disclosure: {@code tikTokOptions.isAIGenerated} and {@code youTubeOptions.containsSyntheticMedia}, always true.
 * Ayrshare documents no disclosure field for Facebook and Instagram; Meta reads the AI signals in the file.
 */
final class AyrshareRequest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AyrshareRequest() {
    }

    /** The Ayrshare network a hub platform posts to. */
    static String network(String platform) {
        return switch (platform) {
            case "tiktok" -> "tiktok";
            case "instagram-reels" -> "instagram";
            case "youtube-shorts" -> "youtube";
            case "facebook-reels", "facebook-feed" -> "facebook";
            default -> throw SchedulerException.refused("Ayrshare has no network for platform '" + platform
                    + "'; it posts tiktok, instagram-reels, youtube-shorts, facebook-reels and facebook-feed");
        };
    }

    static ObjectNode of(SocialPost post, String idempotencyKey, String youtubeVisibility, Instant now) {
        ObjectNode body = JSON.objectNode();
        body.put("post", post.text());
        body.putArray("platforms").add(network(post.platform()));
        post.media().forEach(media -> body.withArray("mediaUrls").add(media.url().toString()));
        body.put("isVideo", true);
        if (post.scheduleAt() != null && post.scheduleAt().isAfter(now)) {
            body.put("scheduleDate", post.scheduleAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        body.put("idempotencyKey", idempotencyKey);
        switch (post.platform()) {
            case "tiktok" -> body.putObject("tikTokOptions").put("isAIGenerated", true);
            case "youtube-shorts" -> body.putObject("youTubeOptions").put("title", title(post))
                    .put("shorts", true).put("containsSyntheticMedia", true).put("madeForKids", false)
                    .put("visibility", youtubeVisibility);
            case "facebook-reels" -> body.putObject("faceBookOptions").put("reels", true).put("title", title(post));
            default -> {
                // instagram (a video posts as a Reel) and facebook-feed need no options
            }
        }
        return body;
    }

    /** YouTube and Facebook Reels titles: at most 100 characters, no angle brackets. */
    static String title(SocialPost post) {
        String title = post.title() == null || post.title().isBlank() ? post.briefId() : post.title().strip();
        title = title.replace("<", "").replace(">", "");
        return title.length() > 100 ? title.substring(0, 100) : title;
    }
}
