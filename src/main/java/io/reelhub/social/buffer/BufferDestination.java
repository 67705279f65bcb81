package io.reelhub.social.buffer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.social.SchedulerHttp;
import io.reelhub.social.SocialPosts;
import io.reelhub.social.SocialPublisher;

/**
 * The {@code buffer-sink} kamelet's bean: turns an approved social clip into its posts and publishes them through
 * Buffer, at most once each, within each platform's rate limit.
 */
@Component("bufferDestination")
public class BufferDestination {

    private final SocialPosts posts;
    private final SocialPublisher publisher;
    private final SchedulerHttp http;
    private final Clock clock;

    public BufferDestination(SocialPosts posts, SocialPublisher publisher, SchedulerHttp http, Clock clock) {
        this.posts = posts;
        this.publisher = publisher;
        this.http = http;
        this.clock = clock;
    }

    /**
     * @param channels        {@code tiktok=<channel id>, instagram-reels=<channel id>, ...}
     * @param youtubeCategory the {@code categoryId} Buffer requires for YouTube posts
     * @param destination     the destination's name, part of each post's idempotency key
     * @return one receipt per post
     */
    public List<String> deliver(Delivery delivery, String baseUrl, String apiKey, String organizationId,
                                String channels, String youtubeCategory, String destination) {
        BufferClient client = new BufferClient(http, SchedulerHttp.endpoint(baseUrl, "/", "the Buffer base URL"),
                apiKey);
        BufferScheduler buffer = new BufferScheduler(client, organizationId, channels(channels), youtubeCategory,
                clock);
        return publisher.publish(buffer, destination, posts.of(delivery));
    }

    /** {@code "tiktok=abc, instagram-reels=def"} as a map; a malformed entry is named. */
    static Map<String, String> channels(String written) {
        Map<String, String> channels = new LinkedHashMap<>();
        if (written == null || written.isBlank()) {
            return channels;
        }
        for (String entry : written.split(",")) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("'" + entry.strip() + "' in the Buffer channels is not"
                        + " <platform>=<channel id>");
            }
            channels.put(parts[0].strip(), parts[1].strip());
        }
        return channels;
    }
}
