package io.reelhub.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code error} object of a failed video: {@code {"code","message"}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobError(@JsonProperty("code") String code, @JsonProperty("message") String message) {
}
