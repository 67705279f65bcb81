package io.reelhub.sandbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code Video} object exactly as OpenAI's Videos API returns it: snake_case names, unix-second times, seconds
 * as a string, and nulls written out rather than omitted (the official SDKs expect the keys).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VideoResource(
        @JsonProperty("id") String id,
        @JsonProperty("object") String object,
        @JsonProperty("model") String model,
        @JsonProperty("status") String status,
        @JsonProperty("progress") int progress,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("completed_at") Long completedAt,
        @JsonProperty("expires_at") Long expiresAt,
        @JsonProperty("seconds") String seconds,
        @JsonProperty("size") String size,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("remixed_from_video_id") String remixedFromVideoId,
        @JsonProperty("error") JobError error) {

    static VideoResource of(SandboxVideo video, int progress) {
        return new VideoResource(video.id(), "video", video.model(), video.status().wire(), progress,
                video.createdAt().getEpochSecond(), epochSeconds(video.completedAt()),
                epochSeconds(video.expiresAt()), String.valueOf(video.seconds()), video.size(), video.prompt(), null,
                video.error());
    }

    private static Long epochSeconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
