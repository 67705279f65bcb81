package io.reelhub.intake.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;
import io.reelhub.ops.HubFolders;

/**
 * The {@code mail-replies} route's bean. Each poll first turns mail jobs that have ended into delivery replies
 * (marking the job answered in the same transaction, so each is answered once even across nodes and crashes), then
 * claims due replies from the outbox, composes each as a MimeMessage for the SMTP endpoint in the route, and records
 * whether it was sent. The pump knows nothing of mail: it only moves jobs, and this looks at where they ended.
 */
@Component("mailReplies")
public class MailReplies {

    /** The outbox id of the reply being sent. */
    public static final String REPLY_ID_HEADER = "ReelHubReplyId";
    /** Failed sends of the reply before this one. */
    public static final String REPLY_ATTEMPTS_HEADER = "ReelHubReplyAttempts";

    private static final Logger LOG = LoggerFactory.getLogger(MailReplies.class);
    private static final int BATCH = 20;

    private final MailIntakeProperties properties;
    private final MailLedger ledger;
    private final ReplyOutbox outbox;
    private final JobStore jobs;
    private final HubFolders folders;
    private final TransactionTemplate transactions;

    public MailReplies(MailIntakeProperties properties, MailLedger ledger, ReplyOutbox outbox, JobStore jobs,
                       HubFolders folders, TransactionTemplate transactions) {
        this.properties = properties;
        this.ledger = ledger;
        this.outbox = outbox;
        this.jobs = jobs;
        this.folders = folders;
        this.transactions = transactions;
    }

    /** Queues a reply for every mail job that reached DELIVERED, FAILED or CANCELLED and was not answered yet. */
    public int queueDeliveryReplies() {
        int queued = 0;
        for (MailLedger.EndedJob ended : ledger.endedUnanswered(BATCH)) {
            Job job = jobs.find(ended.jobId()).orElse(null);
            if (job == null) {
                continue;
            }
            List<Job> children = job.isParent() ? jobs.children(job.id()) : List.of();
            OutgoingReply reply = new OutgoingReply(ended.jobId() + "#ended", ended.replyTo(),
                    MailReplyTexts.subject(ended.subject()),
                    MailReplyTexts.ended(job, children, ended.item(), folders.home()), ended.messageId(),
                    ended.messageId());
            Boolean answered = transactions.execute(status -> {
                if (!ledger.markAnswered(ended.jobId())) {
                    return false;
                }
                outbox.queue(reply);
                return true;
            });
            if (Boolean.TRUE.equals(answered)) {
                queued++;
            }
        }
        return queued;
    }

    /** Leases the replies that are due; the route sends each one. */
    public List<ReplyOutbox.Pending> claimDue() {
        return outbox.claimDue(properties.replyLease(), BATCH);
    }

    /** The reply as a MimeMessage: threaded under the mail it answers, marked automatic (RFC 3834). */
    public MimeMessage compose(Exchange exchange) throws MessagingException {
        ReplyOutbox.Pending pending = exchange.getMessage().getBody(ReplyOutbox.Pending.class);
        exchange.getMessage().setHeader(REPLY_ID_HEADER, pending.id());
        exchange.getMessage().setHeader(REPLY_ATTEMPTS_HEADER, pending.attempts());
        return compose(pending, properties.replyFrom());
    }

    static MimeMessage compose(ReplyOutbox.Pending pending, String from) throws MessagingException {
        OutgoingReply reply = pending.reply();
        MimeMessage message = new MimeMessage((Session) null);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(reply.recipient(), true));
        message.setSubject(reply.subject(), StandardCharsets.UTF_8.name());
        message.setText(reply.body(), StandardCharsets.UTF_8.name());
        // the same id on a resend after a crash, so the sender's client shows one reply
        message.setHeader("Message-ID", "<" + pending.id() + ".reelhub@" + domain(from) + ">");
        if (reply.inReplyTo() != null) {
            message.setHeader("In-Reply-To", reply.inReplyTo());
        }
        if (reply.threadRefs() != null) {
            message.setHeader("References", reply.threadRefs());
        }
        message.setHeader("Auto-Submitted", "auto-replied");
        return message;
    }

    public void sent(Exchange exchange) {
        String id = exchange.getMessage().getHeader(REPLY_ID_HEADER, String.class);
        outbox.sent(id);
        LOG.info("Reply {} sent", id);
    }

    public void failed(Exchange exchange) {
        String id = exchange.getMessage().getHeader(REPLY_ID_HEADER, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (id == null) {
            LOG.warn("A reply could not be read from the outbox: {}", error);
            return;
        }
        int attempts = exchange.getMessage().getHeader(REPLY_ATTEMPTS_HEADER, 0, Integer.class) + 1;
        if (attempts >= properties.replyMaxAttempts()) {
            LOG.warn("Reply {} given up after {} failed sends: {}", id, attempts, error);
            outbox.failed(id, error, null);
        } else {
            LOG.warn("Reply {} not sent (attempt {} of {}): {}", id, attempts, properties.replyMaxAttempts(), error);
            outbox.failed(id, error, outbox.now(properties.replyBackoff(attempts)));
        }
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "localhost" : domain.toLowerCase(Locale.ROOT);
    }
}
