package io.reelhub.social;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The social stage's settings ({@code reelhub.social.*}): one profile per platform the hub renders for and posts
 * to. {@link PlatformProfiles} checks them at start-up.
 *
 * @param platforms      platform name (as briefs write it in {@code social.platforms}) to its profile
 * @param connectTimeout how long a scheduler connector waits for a connection (default 10 s)
 * @param requestTimeout how long it waits for an answer (default 60 s); after that the post may exist, and the next
 *                       attempt looks for it before creating it again
 */
@ConfigurationProperties(prefix = "reelhub.social")
public record SocialProperties(Map<String, Platform> platforms, Duration connectTimeout, Duration requestTimeout) {

    public SocialProperties {
        platforms = platforms == null ? Map.of() : Map.copyOf(platforms);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
    }

    /**
     * One platform as configured.
     *
     * @param size       the rendition's frame, {@code 1080x1920}
     * @param fit        {@code crop} (fill the frame, cut the overflow) or {@code pad} (fit inside, add bars)
     * @param minSeconds shortest clip the platform takes; unset for no lower bound
     * @param maxSeconds longest clip the platform takes; unset for no upper bound
     * @param minFps     lowest frame rate it takes; unset for none
     * @param maxFps     highest frame rate it takes; unset for none
     * @param codecs     video codecs it takes, as ffprobe names them ({@code h264}, {@code hevc}); empty for any
     * @param rate       posts the hub may send it, {@code 6 per minute, 15 per day}; unset for no limit
     * @param source     where the numbers come from, shown in errors and the review package
     */
    public record Platform(String size, String fit, Double minSeconds, Double maxSeconds, Double minFps,
                           Double maxFps, List<String> codecs, String rate, String source) {
    }
}
