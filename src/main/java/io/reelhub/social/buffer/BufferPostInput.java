package io.reelhub.social.buffer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.social.SocialPost;

/**
 * Buffer's {@code CreatePostInput} for one post (developers.buffer.com/types/CreatePostInput): the text, the channel,
 * {@code schedulingType: automatic}, {@code mode: customScheduled} with {@code dueAt} when the brief names a future
 * time and {@code addToQueue} otherwise, the rendition as a video asset ({@code assets: [{video: {url}}]}, the
 * array form Buffer takes since its 2026 change), and the channel's metadata with the AI disclosure:
 * {@code tiktok.isAiGenerated}, {@code instagram.isAiGenerated}, {@code youtube.isAiGenerated}, always true.
 */
final class BufferPostInput {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BufferPostInput() {
    }

    /**
     * @param youtubeCategory Buffer requires {@code categoryId} when creating a YouTube post
     */
    static ObjectNode of(SocialPost post, String channelId, String youtubeCategory, Instant now) {
        ObjectNode input = JSON.objectNode();
        input.put("text", post.text());
        input.put("channelId", channelId);
        input.put("schedulingType", "automatic");
        if (post.scheduleAt() != null && post.scheduleAt().isAfter(now)) {
            input.put("mode", "customScheduled");
            input.put("dueAt", post.scheduleAt().truncatedTo(ChronoUnit.SECONDS).toString());
        } else {
            input.put("mode", "addToQueue");
        }
        // the post's video was made by a generative model
        input.put("aiAssisted", true);
        post.media().forEach(media -> input.withArray("assets").addObject().putObject("video")
                .put("url", media.url().toString()));
        ObjectNode metadata = metadata(post, youtubeCategory);
        if (!metadata.isEmpty()) {
            input.set("metadata", metadata);
        }
        return input;
    }

    private static ObjectNode metadata(SocialPost post, String youtubeCategory) {
        ObjectNode metadata = JSON.objectNode();
        switch (post.platform()) {
            case "tiktok" -> metadata.putObject("tiktok").put("isAiGenerated", true);
            case "instagram-reels" -> metadata.putObject("instagram").put("type", "reel")
                    .put("shouldShareToFeed", true).put("isAiGenerated", true);
            case "youtube-shorts" -> metadata.putObject("youtube").put("title", youtubeTitle(post))
                    .put("categoryId", youtubeCategory).put("isAiGenerated", true).put("madeForKids", false);
            case "facebook-reels" -> metadata.putObject("facebook").put("type", "reel");
            case "facebook-feed" -> metadata.putObject("facebook").put("type", "post");
            default -> {
                // a platform the hub has no Buffer metadata for: text and video only
            }
        }
        return metadata;
    }

    static String youtubeTitle(SocialPost post) {
        String title = post.title() == null || post.title().isBlank() ? post.briefId() : post.title().strip();
        // YouTube titles: at most 100 characters, no angle brackets
        title = title.replace("<", "").replace(">", "");
        return title.length() > 100 ? title.substring(0, 100) : title;
    }
}
