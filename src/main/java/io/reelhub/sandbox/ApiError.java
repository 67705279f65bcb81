package io.reelhub.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenAI's error envelope: {@code {"error":{"message","type","param","code"}}}, nulls included as on the wire. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(@JsonProperty("error") Body error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(@JsonProperty("message") String message,
                       @JsonProperty("type") String type,
                       @JsonProperty("param") String param,
                       @JsonProperty("code") String code) {
    }
}
