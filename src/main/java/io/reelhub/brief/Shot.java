package io.reelhub.brief;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One segment of a multi-shot brief: one generation, placed in the timeline in the order shots are listed.
 *
 * @param id      the shot id, e.g. {@code sh010}
 * @param action  replaces the brief's action section for this shot; null keeps the brief's
 * @param seconds this shot's length; null takes the brief's {@code params.seconds} or the model's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shot(String id, String action, Integer seconds) {
}
