package io.reelhub.intake.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Builds the mails the tests send: a text body and attachments, under a Message-ID the test chooses. */
final class TestMails {

    private final String from;
    private final String to;
    private final String messageId;
    private String subject = "A brief";
    private String text;
    private final List<MimeBodyPart> attachments = new ArrayList<>();
    private final List<String[]> headers = new ArrayList<>();

    private TestMails(String from, String to, String messageId) {
        this.from = from;
        this.to = to;
        this.messageId = messageId;
    }

    static TestMails from(String from, String to, String messageId) {
        return new TestMails(from, to, messageId);
    }

    TestMails subject(String value) {
        this.subject = value;
        return this;
    }

    TestMails text(String value) {
        this.text = value;
        return this;
    }

    TestMails header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    TestMails attach(String name, String content) throws MessagingException {
        return attach(name, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream");
    }

    TestMails attach(String name, byte[] content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        attachments.add(part);
        return this;
    }

    /** An attachment whose transfer encoding is broken: any attempt to read it fails. */
    TestMails attachCorrupt(String name) throws MessagingException {
        InternetHeaders partHeaders = new InternetHeaders();
        partHeaders.addHeader("Content-Type", "application/octet-stream; name=\"" + name + "\"");
        partHeaders.addHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        partHeaders.addHeader("Content-Transfer-Encoding", "base64");
        attachments.add(new MimeBodyPart(partHeaders, "YnJpZWY6IDEK=A".getBytes(StandardCharsets.US_ASCII)));
        return this;
    }

    MimeMessage build(Session session) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        for (String[] header : headers) {
            message.setHeader(header[0], header[1]);
        }
        if (attachments.isEmpty()) {
            message.setText(text == null ? "" : text, "UTF-8");
        } else {
            MimeMultipart multipart = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text == null ? "Please find the brief attached." : text, "UTF-8");
            multipart.addBodyPart(body);
            for (MimeBodyPart attachment : attachments) {
                multipart.addBodyPart(attachment);
            }
            message.setContent(multipart);
        }
        message.saveChanges();
        return message;
    }

    static Session smtp(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        return Session.getInstance(properties);
    }

    /** Keeps the Message-ID it was given when saved (Jakarta Mail would make a new one). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
