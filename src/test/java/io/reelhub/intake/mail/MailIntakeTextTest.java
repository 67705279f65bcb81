package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.reelhub.brief.Problem;
import io.reelhub.intake.IntakeOutcome;

/** How a mail's text is read for a YAML brief, how a body brief is named, and what the replies say. */
class MailIntakeTextTest {

    private static final MailEnvelope MAIL = new MailEnvelope("<1@acme.test>", "bob@acme.test", "Spot", null,
            false);

    @Test
    void aYamlBriefInAMailRunsFromItsFirstLineToTheFirstLineThatCannotBeYaml() {
        String body = "Hi,\n\nthe brief:\n\nbrief: 1\nproject: acme\n# a comment\nprompt:\n  scene: x\n"
                + "destinations:\n- editing-bin\n\nThanks\nBob\n";
        assertThat(MailIntake.yamlPart(body)).isEqualTo(
                "brief: 1\nproject: acme\n# a comment\nprompt:\n  scene: x\ndestinations:\n- editing-bin\n\n");
        assertThat(MailIntake.yamlPart("brief: 1\nid: x\n-- \nsig\n")).isEqualTo("brief: 1\nid: x\n");
    }

    @Test
    void aBodyBriefIsNamedAfterTheSubjectWithoutReplyPrefixes() {
        assertThat(MailIntake.idFromSubject("RE: Fwd: Harbour at Dawn!")).isEqualTo("harbour-at-dawn");
        assertThat(MailIntake.idFromSubject("")).isEqualTo("mail-brief");
        assertThat(MailIntake.idFromSubject("x".repeat(100))).hasSize(60);
    }

    @Test
    void theReplyListsEveryErrorWithItsPathAndTheLineItCameFrom() {
        IntakeOutcome rejected = new IntakeOutcome(IntakeOutcome.Status.REJECTED, "job-1", "acme", "spot", 0,
                List.of(new Problem("params.seconds", "7 is not allowed; veo-3.1 allows 4, 6, 8"),
                        new Problem("project", "'other' is not a project this sender may send briefs for")),
                List.of());
        String text = MailReplyTexts.received(MAIL, List.of(new MailBriefResult("body", rejected, false, true,
                List.of())), List.of(), List.of(), List.of("notes.pdf (application/pdf)"), Set.of("acme"));

        assertThat(text).contains("0 briefs accepted, 1 brief rejected")
                .contains("params.seconds (your \"Seconds:\" line): 7 is not allowed; veo-3.1 allows 4, 6, 8")
                .contains("(you may send briefs for: acme)")
                .contains("notes.pdf (application/pdf)");
    }

    @Test
    void aMailWithoutABriefIsToldHowToSendOne() {
        String text = MailReplyTexts.received(MAIL, List.of(), List.of(), List.of(), List.of(), Set.of("acme"));
        assertThat(text).contains("found no brief in it").contains("Scene: ...");
    }

    @Test
    void repliesContinueTheSubject() {
        assertThat(MailReplyTexts.subject("Spot")).isEqualTo("Re: Spot");
        assertThat(MailReplyTexts.subject("RE: Spot")).isEqualTo("RE: Spot");
        assertThat(MailReplyTexts.subject(null)).isEqualTo("Re: your brief");
    }
}
