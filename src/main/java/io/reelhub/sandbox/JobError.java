package io.reelhub.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code error} object of a failed video: {@code {"code","message"}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobError(@JsonProperty("code") String code, @JsonProperty("message") String message) {

    /** A planned ending: the output is withheld by the provider's safety filter (not charged). */
    public static final String FILTERED = "rai_media_filtered";
    /** A planned ending: the job is cancelled (Replicate's {@code canceled}). */
    public static final String CANCELED = "canceled";
}
