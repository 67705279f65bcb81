package io.reelhub.sandbox;

/**
 * A validated {@code POST /v1/videos}.
 *
 * @param seed            hub extension (real OpenAI ignores it); drawn on the card so seed variations differ
 * @param negativePrompt  hub extension, kept with the job
 * @param inputReferences how many {@code input_reference} parts came with it (accepted and otherwise ignored)
 * @param idempotencyKey  the {@code Idempotency-Key} header, or null
 */
public record VideoRequest(String prompt, String model, int seconds, int width, int height, Long seed,
                           String negativePrompt, int inputReferences, String idempotencyKey) {
}
