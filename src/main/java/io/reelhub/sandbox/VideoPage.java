package io.reelhub.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of {@code GET /v1/videos}: {@code {"object":"list","data","first_id","last_id","has_more"}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VideoPage(
        @JsonProperty("object") String object,
        @JsonProperty("data") List<VideoResource> data,
        @JsonProperty("first_id") String firstId,
        @JsonProperty("last_id") String lastId,
        @JsonProperty("has_more") boolean hasMore) {

    static VideoPage of(List<VideoResource> data, boolean hasMore) {
        return new VideoPage("list", data, data.isEmpty() ? null : data.get(0).id(),
                data.isEmpty() ? null : data.get(data.size() - 1).id(), hasMore);
    }
}
