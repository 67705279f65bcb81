package io.reelhub.social.ayrshare;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.social.SchedulerHttp;
import io.reelhub.social.SocialPosts;
import io.reelhub.social.SocialPublisher;

/**
 * The {@code ayrshare-sink} kamelet's bean: turns an approved social clip into its posts and publishes them through
 * Ayrshare, at most once each, within each platform's rate limit.
 */
@Component("ayrshareDestination")
public class AyrshareDestination {

    private final SocialPosts posts;
    private final SocialPublisher publisher;
    private final SchedulerHttp http;
    private final Clock clock;

    public AyrshareDestination(SocialPosts posts, SocialPublisher publisher, SchedulerHttp http, Clock clock) {
        this.posts = posts;
        this.publisher = publisher;
        this.http = http;
        this.clock = clock;
    }

    /**
     * @param profileKey        an Ayrshare User Profile's key (Business plans), or blank for the primary profile
     * @param youtubeVisibility {@code public}, {@code unlisted} or {@code private} (Ayrshare's default is private)
     * @param destination       the destination's name, part of each post's idempotency key
     * @return one receipt per post
     */
    public List<String> deliver(Delivery delivery, String baseUrl, String apiKey, String profileKey,
                                String youtubeVisibility, String destination) {
        AyrshareScheduler ayrshare = new AyrshareScheduler(http, baseUrl, apiKey, profileKey, youtubeVisibility,
                clock);
        return publisher.publish(ayrshare, destination, posts.of(delivery));
    }
}
