package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.reelhub.dispatch.RenderStatus.Phase;

class TerminalFailureTest {

    @Test
    void eachProvidersContentPolicyCodeIsARefusalWithoutFallback() {
        for (String code : new String[] {"moderation_blocked", "content_policy", "content_policy_violation",
                "SAFETY.INPUT.TEXT"}) {
            TerminalFailure failure = TerminalFailure.of(failed(code, "no output"));
            assertThat(failure.kind()).as(code).isEqualTo(TerminalFailure.Kind.CONTENT_POLICY);
            assertThat(failure.allowsFallback()).isFalse();
        }
    }

    @Test
    void aReasonInWordsOnlyIsReadByItsWords() {
        assertThat(TerminalFailure.of(failed(null, "Failure due to content moderation")).kind())
                .isEqualTo(TerminalFailure.Kind.CONTENT_POLICY);
        assertThat(TerminalFailure.of(failed("failed", "Output flagged as sensitive (E005)")).kind())
                .isEqualTo(TerminalFailure.Kind.CONTENT_POLICY);
    }

    @Test
    void aFailureOfTheModelMayFallBackAndACancellationMayNot() {
        TerminalFailure failed = TerminalFailure.of(failed("internal_error", "The render node lost the job"));
        assertThat(failed.kind()).isEqualTo(TerminalFailure.Kind.MODEL_FAILED);
        assertThat(failed.allowsFallback()).isTrue();
        assertThat(failed.reason()).isEqualTo("internal_error: The render node lost the job");
        assertThat(TerminalFailure.of(failed("aborted", "deadline of 30m passed")).allowsFallback()).isFalse();
        assertThat(TerminalFailure.of(failed("CANCELLED", "the task was cancelled at Runway")).kind())
                .isEqualTo(TerminalFailure.Kind.CANCELLED);
    }

    @Test
    void aRefusedSubmitFallsBackUnlessItIsAboutTheContent() {
        assertThat(TerminalFailure.ofSubmit(new ProviderException(ProviderException.Kind.NOT_FOUND, 404,
                "submit refused with HTTP 404: NOT_FOUND: models/veo-3.1-generate-preview is no longer available"))
                .allowsFallback()).isTrue();
        assertThat(TerminalFailure.ofSubmit(new ProviderException(ProviderException.Kind.CONTENT_POLICY, 400,
                "submit refused by Kling (HTTP 400, code 1301): risk control")).kind())
                .isEqualTo(TerminalFailure.Kind.CONTENT_POLICY);
        assertThat(TerminalFailure.ofSubmit(new ProviderException(ProviderException.Kind.REJECTED, 400,
                "submit refused with HTTP 400: moderation_blocked: Your request was blocked")).allowsFallback())
                .isFalse();
    }

    private static RenderStatus failed(String code, String message) {
        return new RenderStatus(Phase.FAILED, 0, code, message, null);
    }
}
