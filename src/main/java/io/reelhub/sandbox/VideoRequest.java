package io.reelhub.sandbox;

/**
 * A validated {@code POST /v1/videos}.
 *
 * @param seed            hub extension (real OpenAI ignores it); drawn on the card so seed variations differ
 * @param negativePrompt  hub extension, kept with the job
 * @param inputReferences how many {@code input_reference} parts came with it (accepted and otherwise ignored)
 * @param idempotencyKey  the {@code Idempotency-Key} header, or null
 * @param protocol        the wire protocol the request came in on
 * @param generateAudio   the audio flag, where the protocol has one
 * @param deadline        when the job is to be cancelled if still unfinished (Replicate's {@code Cancel-After})
 */
public record VideoRequest(String prompt, String model, int seconds, int width, int height, Long seed,
                           String negativePrompt, int inputReferences, String idempotencyKey, String protocol,
                           Boolean generateAudio, java.time.Instant deadline) {

    /** A request on the OpenAI wire, which has no audio flag and no deadline. */
    public VideoRequest(String prompt, String model, int seconds, int width, int height, Long seed,
                        String negativePrompt, int inputReferences, String idempotencyKey) {
        this(prompt, model, seconds, width, height, seed, negativePrompt, inputReferences, idempotencyKey,
                SandboxFaults.OPENAI, null, null);
    }
}
