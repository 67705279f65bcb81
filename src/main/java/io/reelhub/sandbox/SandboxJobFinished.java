package io.reelhub.sandbox;

/**
 * A sandbox job reached its end (completed, failed or cancelled by its deadline), published once, so that the
 * protocols that call back (fal's webhook, Kling's callback) can tell the client, as the real services do.
 */
public record SandboxJobFinished(SandboxVideo video) {
}
