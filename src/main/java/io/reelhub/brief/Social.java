package io.reelhub.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the social stage publishes and when, once a human has approved it.
 *
 * @param platforms  where to post ({@code tiktok}, {@code instagram-reels}, …; see {@code reelhub.social.platforms})
 * @param caption    the post's text, may be null; {@code #words} in it are hashtags
 * @param scheduleAt when to publish; null for the scheduler's next slot
 * @param hashtags   hashtags added after the caption, without {@code #}; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Social(
        List<String> platforms,
        String caption,
        @JsonProperty("schedule_at") OffsetDateTime scheduleAt,
        List<String> hashtags) {

    public Social {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }

    public Social(List<String> platforms, String caption, OffsetDateTime scheduleAt) {
        this(platforms, caption, scheduleAt, List.of());
    }
}
