package io.reelhub.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/** What the social stage publishes and when, once a human has approved it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Social(
        List<String> platforms,
        String caption,
        @JsonProperty("schedule_at") OffsetDateTime scheduleAt) {

    public Social {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }
}
