package io.reelhub.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ResolutionTier;

/**
 * The rendering parameters a brief asks for; every one is optional, and a missing one is filled from the model.
 *
 * @param seconds     clip length
 * @param aspect      aspect ratio such as {@code 16:9}; with {@code resolution} it gives the frame size
 * @param size        an explicit frame size; when given, aspect and resolution only have to agree with it
 * @param resolution  resolution tier such as {@code 720p}
 * @param seed        seed for repeatable renders, 0 to 2^32-1, where the model takes one
 * @param negative    what the model should avoid, where it takes a negative prompt
 * @param styleWeight how strongly the style section should weigh, 0 to 1
 * @param audio       whether an audio track is wanted; null leaves it to the model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BriefParams(
        Integer seconds,
        String aspect,
        FrameSize size,
        ResolutionTier resolution,
        Long seed,
        String negative,
        @JsonProperty("style_weight") Double styleWeight,
        Boolean audio) {

    public static final BriefParams NONE = new BriefParams(null, null, null, null, null, null, null, null);
}
