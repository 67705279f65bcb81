package io.reelhub.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code DELETE /v1/videos/{id}}. */
public record DeletedVideo(@JsonProperty("id") String id,
                           @JsonProperty("object") String object,
                           @JsonProperty("deleted") boolean deleted) {

    static DeletedVideo of(String id) {
        return new DeletedVideo(id, "video.deleted", true);
    }
}
