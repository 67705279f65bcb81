package io.reelhub.intake.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * Who sent a mail and how to answer it.
 *
 * @param messageId   the Message-ID header as written (angle brackets included), or a stand-in derived from the
 *                    headers when the mail has none; the mail's key in the ledger
 * @param sender      the From address, lower-cased; null when there is none that parses
 * @param subject     the subject, may be empty
 * @param references  the References header, to continue the thread in replies; may be null
 * @param automated   whether the mail says it was sent by a machine (RFC 3834 {@code Auto-Submitted}, a
 *                    {@code Precedence} of bulk, junk or list, a mailing list, a bounce): such mails are never
 *                    answered, so the hub never loops with an autoresponder or sends backscatter
 */
record MailEnvelope(String messageId, String sender, String subject, String references, boolean automated) {

    /** Longest Message-ID kept as is; a longer one is shortened and made unique with its hash. */
    static final int MAX_ID = 900;
    private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster", "noreply", "no-reply",
            "do-not-reply", "donotreply");

    static MailEnvelope of(Message mail) throws MessagingException {
        String sender = null;
        Address[] from = mail.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
                && address.getAddress() != null) {
            sender = address.getAddress().trim().toLowerCase(Locale.ROOT);
        }
        String subject = mail.getSubject() == null ? "" : mail.getSubject().replaceAll("[\\r\\n]+", " ").trim();
        String id = first(mail, "Message-ID");
        if (id == null || id.isBlank()) {
            id = "<no-message-id." + sha256(sender + "\n" + first(mail, "Date") + "\n" + subject) + "@reelhub>";
        } else {
            id = id.replaceAll("[\\r\\n\\t]+", "").trim();
            if (id.length() > MAX_ID) {
                id = id.substring(0, MAX_ID - 70) + "..." + sha256(id) + ">";
            }
        }
        return new MailEnvelope(id, sender, subject, first(mail, "References"), automated(mail, sender));
    }

    /** Whether a reply may go to this mail's sender at all (the allowlist is checked elsewhere). */
    boolean answerable(String hubAddress) {
        return sender != null && !automated && !sender.equalsIgnoreCase(hubAddress == null ? "" : hubAddress.trim());
    }

    private static boolean automated(Message mail, String sender) throws MessagingException {
        String auto = first(mail, "Auto-Submitted");
        if (auto != null && !auto.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = first(mail, "Precedence");
        if (precedence != null && Set.of("bulk", "junk", "list").contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (first(mail, "List-Id") != null) {
            return true;
        }
        return sender != null && SYSTEM_SENDERS.contains(sender.substring(0, sender.indexOf('@') < 0
                ? sender.length() : sender.indexOf('@')));
    }

    private static String first(Message mail, String header) throws MessagingException {
        String[] values = mail.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
