package io.reelhub.social.buffer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;

import io.reelhub.social.Scheduler;
import io.reelhub.social.SchedulerException;
import io.reelhub.social.SocialPost;

/**
 * Posts through Buffer: one {@code createPost} per post, to the channel configured for its platform. Buffer takes
 * no idempotency key, so after an attempt whose outcome is unknown the hub lists the channel's newest posts and
 * adopts one with the same text created since that attempt (and not already another job's), instead of creating a
 * second.
 */
final class BufferScheduler implements Scheduler {

    /** Allowance for the clocks of the hub and Buffer disagreeing when matching a post's creation time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final BufferClient client;
    private final String organizationId;
    private final Map<String, String> channels;
    private final String youtubeCategory;
    private final Clock clock;

    BufferScheduler(BufferClient client, String organizationId, Map<String, String> channels, String youtubeCategory,
                    Clock clock) {
        this.client = client;
        this.organizationId = organizationId;
        this.channels = Map.copyOf(channels);
        this.youtubeCategory = youtubeCategory;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "buffer";
    }

    @Override
    public String create(SocialPost post, String idempotencyKey) {
        return client.createPost(BufferPostInput.of(post, channel(post), youtubeCategory, clock.instant()));
    }

    @Override
    public List<String> findCreated(SocialPost post, String idempotencyKey, Instant since) {
        String channel = channel(post);
        Instant from = since.minus(CLOCK_SKEW);
        return client.recentPosts(organizationId, channel).stream()
                .filter(listed -> channel.equals(listed.channelId()) || listed.channelId() == null)
                .filter(listed -> post.text().equals(listed.text()))
                .filter(listed -> listed.createdAt() == null || !listed.createdAt().isBefore(from))
                .map(BufferClient.Listed::id)
                .toList();
    }

    private String channel(SocialPost post) {
        String channel = channels.get(post.platform());
        if (channel == null || channel.isBlank()) {
            throw SchedulerException.refused("no Buffer channel for platform '" + post.platform() + "'; channels"
                    + " are configured for " + (channels.isEmpty() ? "none" : String.join(", ", channels.keySet()))
                    + " (reelhub.destinations.<name>.channels: \"" + post.platform() + "=<channel id>, ...\")");
        }
        return channel;
    }
}
