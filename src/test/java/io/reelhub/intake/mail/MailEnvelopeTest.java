package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

class MailEnvelopeTest {

    @Test
    void theSenderSubjectAndMessageIdAreTakenAsWritten() throws Exception {
        MailEnvelope envelope = MailEnvelope.of(mail("Bob <Bob@Acme.Example>", "<a.1@acme.example>"));
        assertThat(envelope.sender()).isEqualTo("bob@acme.example");
        assertThat(envelope.messageId()).isEqualTo("<a.1@acme.example>");
        assertThat(envelope.subject()).isEqualTo("Spot");
        assertThat(envelope.answerable("hub@reelhub.example")).isTrue();
    }

    @Test
    void aMailWithoutMessageIdGetsAStableStandIn() throws Exception {
        MimeMessage mail = mail("bob@acme.example", null);
        mail.setHeader("Date", "Tue, 24 Nov 2026 10:00:00 +0000");
        assertThat(MailEnvelope.of(mail).messageId()).startsWith("<no-message-id.")
                .isEqualTo(MailEnvelope.of(mail).messageId());
    }

    @Test
    void automaticMailsAndTheHubsOwnAreNeverAnswered() throws Exception {
        MimeMessage auto = mail("bob@acme.example", "<b@x>");
        auto.setHeader("Auto-Submitted", "auto-replied");
        MimeMessage list = mail("bob@acme.example", "<c@x>");
        list.setHeader("Precedence", "bulk");
        assertThat(MailEnvelope.of(auto).answerable("hub@x")).isFalse();
        assertThat(MailEnvelope.of(list).answerable("hub@x")).isFalse();
        assertThat(MailEnvelope.of(mail("MAILER-DAEMON@acme.example", "<d@x>")).answerable("hub@x")).isFalse();
        assertThat(MailEnvelope.of(mail("hub@x", "<e@x>")).answerable("HUB@x")).isFalse();
        MimeMessage human = mail("bob@acme.example", "<f@x>");
        human.setHeader("Auto-Submitted", "no");
        assertThat(MailEnvelope.of(human).answerable("hub@x")).isTrue();
    }

    @Test
    void anOverlongMessageIdIsShortenedButStaysUnique() throws Exception {
        String a = "<" + "a".repeat(2000) + "1@x>";
        String b = "<" + "a".repeat(2000) + "2@x>";
        String idA = MailEnvelope.of(mail("bob@acme.example", a)).messageId();
        assertThat(idA.length()).isLessThanOrEqualTo(MailEnvelope.MAX_ID);
        assertThat(idA).isNotEqualTo(MailEnvelope.of(mail("bob@acme.example", b)).messageId());
    }

    private static MimeMessage mail(String from, String id) throws Exception {
        MimeMessage mail = new MimeMessage((Session) null);
        mail.setFrom(new InternetAddress(from));
        mail.setSubject("Spot");
        mail.setText("hello");
        if (id != null) {
            mail.setHeader("Message-ID", id);
        }
        return mail;
    }
}
