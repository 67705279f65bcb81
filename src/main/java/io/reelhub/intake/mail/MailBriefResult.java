package io.reelhub.intake.mail;

import java.util.List;

import io.reelhub.brief.Problem;
import io.reelhub.intake.IntakeOutcome;

/**
 * What became of one brief in a mail, for the reply.
 *
 * @param item       where it was in the mail: {@code body} or the attachment's name ({@code brief.yaml#2})
 * @param outcome    the hub's answer
 * @param ownRetry   a DUPLICATE whose earlier job came from this same mail (it is being processed again)
 * @param plainText  written as {@code Field:} lines, so error paths are shown with the line they came from
 * @param notes      the mail reader's own warnings (an unknown {@code Field:} line, an unused text)
 */
record MailBriefResult(String item, IntakeOutcome outcome, boolean ownRetry, boolean plainText, List<Problem> notes) {

    boolean accepted() {
        return outcome.status() == IntakeOutcome.Status.ACCEPTED || ownRetry;
    }

    boolean rejected() {
        return outcome.rejected();
    }
}
