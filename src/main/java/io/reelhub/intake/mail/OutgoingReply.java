package io.reelhub.intake.mail;

/**
 * A reply to a mail, as recorded in the outbox before it is sent.
 *
 * @param key        what it answers ({@code <message-id>#received}, {@code <job-id>#ended}): one reply per key
 * @param recipient  the address of the mail's sender
 * @param inReplyTo  the Message-ID of the mail answered
 * @param threadRefs the References header to send: the mail's own references followed by its Message-ID
 */
record OutgoingReply(String key, String recipient, String subject, String body, String inReplyTo,
                     String threadRefs) {
}
