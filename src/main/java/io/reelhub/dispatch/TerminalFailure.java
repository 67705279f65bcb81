package io.reelhub.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A generation the provider ended for good, read as what may follow it. Only a confirmed failure of the model
 * ({@link Kind#MODEL_FAILED}: the provider said failed, or refused the submit, or does not serve the model any more)
 * may hand the job to the next model of a fallback chain. A content-policy refusal is final and reported as such:
 * another model would be asked the same thing. A cancelled job (by someone, or by a deadline such as Replicate's
 * {@code Cancel-After}) is final too: a deadline is a timeout, and a timeout is never a reason to pay elsewhere.
 * Timeouts, 5xx and lost answers never get here at all: they are unknown outcomes, retried or failed by the pump.
 *
 * <p>How each provider says "content policy": OpenAI-compatible gateways {@code moderation_blocked} (PROVIDERS.md §1,
 * unconfirmed for video); the Gemini, Vertex and Replicate connectors {@code content_policy} (Veo's
 * {@code raiMediaFilteredReasons} without samples, Replicate's E005 "flagged as sensitive"); fal
 * {@code content_policy_violation}; Kling codes 1300/1301 ({@link ProviderException.Kind#CONTENT_POLICY}); Runway
 * failure codes starting {@code SAFETY} (unconfirmed). Providers that give only words are read by their words
 * ("moderation", "safety", "flagged", ...): mistaking a failure for a refusal costs a fallback, the other way round
 * costs money, so the reading leans towards refusal.
 */
public record TerminalFailure(Kind kind, String reason) {

    public enum Kind {
        /** The provider refused the content: final, no fallback. */
        CONTENT_POLICY,
        /** The job was cancelled, by a person or by a deadline: final, no fallback. */
        CANCELLED,
        /** The model failed the generation or is not served any more: a fallback model may be tried. */
        MODEL_FAILED
    }

    private static final Set<String> POLICY_CODES = Set.of("moderation_blocked", "content_policy",
            "content_policy_violation", "rai_audio_filtered");
    private static final Set<String> CANCELLED_CODES = Set.of("canceled", "cancelled", "aborted");
    private static final List<String> POLICY_WORDS = List.of("moderation", "content policy", "content-policy",
            "content_policy", "safety", "sensitive", "flagged", "nsfw", "prohibited content");

    /** A generation the provider reported failed while it was polled. */
    public static TerminalFailure of(RenderStatus status) {
        String code = status.errorCode() == null ? "" : status.errorCode().toLowerCase(Locale.ROOT);
        String reason = status.failureReason();
        if (CANCELLED_CODES.contains(code)) {
            return new TerminalFailure(Kind.CANCELLED, reason);
        }
        if (POLICY_CODES.contains(code) || code.startsWith("safety") || mentionsPolicy(reason)) {
            return new TerminalFailure(Kind.CONTENT_POLICY, reason);
        }
        return new TerminalFailure(Kind.MODEL_FAILED, reason);
    }

    /**
     * A submit the provider answered with a final refusal ({@code REJECTED}, {@code NOT_FOUND}: the model or its
     * endpoint is gone, {@code CONTENT_POLICY}); nothing was created at the provider.
     */
    public static TerminalFailure ofSubmit(ProviderException e) {
        String reason = e.getMessage();
        if (e.kind() == ProviderException.Kind.CONTENT_POLICY || mentionsPolicy(reason)) {
            return new TerminalFailure(Kind.CONTENT_POLICY, reason);
        }
        return new TerminalFailure(Kind.MODEL_FAILED, reason);
    }

    public boolean allowsFallback() {
        return kind == Kind.MODEL_FAILED;
    }

    private static boolean mentionsPolicy(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return POLICY_WORDS.stream().anyMatch(lower::contains);
    }
}
