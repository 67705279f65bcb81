package io.reelhub.intake.s3;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import software.amazon.awssdk.http.Abortable;

import io.reelhub.intake.ArchiveNames;
import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.intake.RejectionReport;
import io.reelhub.intake.s3.S3ObjectLedger.Entry;
import io.reelhub.intake.s3.S3ObjectLedger.State;

/**
 * The S3 intake's bean (route {@code intake-s3} in {@code routes/}): hands each object under the prefix to
 * {@link BriefIntake} once, then moves it to {@code <prefix>processed/} (accepted or duplicate) or
 * {@code <prefix>failed/} beside its error report (rejected).
 *
 * <p>Only the head of an object is read (at most one byte over {@code reelhub.brief.max-bytes}) and the rest of the
 * download is aborted, so a video uploaded by mistake costs no memory. The ledger ({@link S3ObjectLedger}) keys every
 * object on bucket + key + ETag: an object listed again because its move failed half-way is not handed to the brief
 * intake again, only moved; and an object whose handling keeps failing is moved to failed/ with the reason after
 * {@code reelhub.intake.s3.max-attempts} attempts instead of being retried forever. A failed attempt is recorded
 * and logged, and the object stays in place for the next poll; only a failure to reach the ledger itself (the
 * database) is thrown to Camel.
 */
public class S3Intake {

    private static final Logger LOG = LoggerFactory.getLogger(S3Intake.class);

    static final String PROCESSED = "processed/";
    static final String FAILED = "failed/";

    private final BriefIntake intake;
    private final RejectionReport rejections;
    private final QuarantineReport quarantines;
    private final S3ObjectLedger ledger;
    private final IntakeBucket bucket;
    private final TransactionTemplate transaction;
    private final String prefix;
    private final long maxBytes;
    private final int maxAttempts;
    private final String owner;
    private final Duration lease;

    S3Intake(BriefIntake intake, RejectionReport rejections, QuarantineReport quarantines, S3ObjectLedger ledger,
             IntakeBucket bucket, TransactionTemplate transaction, S3IntakeProperties settings, long maxBytes,
             String owner) {
        this.intake = intake;
        this.rejections = rejections;
        this.quarantines = quarantines;
        this.ledger = ledger;
        this.bucket = bucket;
        this.transaction = transaction;
        this.prefix = settings.prefix();
        this.maxBytes = maxBytes;
        this.maxAttempts = settings.maxAttempts();
        this.owner = owner;
        this.lease = settings.lease();
    }

    /** Camel's entry point: the message is one object from the aws2-s3 consumer, its body the open download. */
    public void accept(Exchange exchange) {
        Message message = exchange.getMessage();
        S3ObjectRef object = S3ObjectRef.of(message.getHeader(AWS2S3Constants.BUCKET_NAME, String.class),
                message.getHeader(AWS2S3Constants.KEY, String.class),
                message.getHeader(AWS2S3Constants.E_TAG, String.class));
        Long size = message.getHeader(AWS2S3Constants.CONTENT_LENGTH, Long.class);
        InputStream body = message.getBody(InputStream.class);
        try {
            accept(object, size == null ? -1 : size, body);
        } finally {
            release(body);
        }
    }

    /**
     * Handles one listed object.
     *
     * @param size the object's size from its metadata
     * @param body the object's content; only its head is read
     */
    void accept(S3ObjectRef object, long size, InputStream body) {
        String name = briefName(object.key());
        if (name == null) {
            LOG.debug("Skipping {}: not a file directly under the prefix '{}'", object, prefix);
            return;
        }
        Optional<Entry> claimed = ledger.claim(object, size, owner, lease);
        if (claimed.isEmpty()) {
            LOG.debug("Skipping {}: another node is handling it", object);
            return;
        }
        Entry entry = claimed.get();
        try {
            handle(object, name, size, body, entry);
        } catch (IOException | RuntimeException e) {
            // The ledger is the retry: the object stays where it is and the next poll counts another attempt.
            // Camel could add nothing (the consumer neither deletes nor moves), only three more stack traces.
            ledger.recordFailure(entry.id(), describe(e));
            LOG.warn("Attempt {} of {} on {} failed, tried again on a later poll: {}", entry.attempts(), maxAttempts,
                    object, describe(e));
        }
    }

    private void handle(S3ObjectRef object, String name, long size, InputStream body, Entry entry)
            throws IOException {
        if (entry.state() == State.QUARANTINING) {
            setAside(object, name, entry);
            return;
        }
        if (entry.attempts() > maxAttempts) {
            LOG.warn("Giving up on {} after {} attempts: {}", object, maxAttempts, entry.lastError());
            setAside(object, name, entry);
            return;
        }
        IntakeOutcome outcome = entry.outcome();
        if (outcome == null) {
            byte[] head = body.readNBytes((int) Math.min(maxBytes + 1, size < 0 ? maxBytes + 1 : size));
            long realSize = Math.max(size, head.length);
            outcome = transaction.execute(status -> {
                IntakeOutcome answer = intake.accept(head, realSize, name, object.source());
                ledger.recordOutcome(entry.id(), answer);
                return answer;
            });
        } else {
            LOG.info("{} was already taken in ({} {}); finishing its move", object, outcome.status(),
                    outcome.jobId());
        }
        archive(object, name, entry, outcome);
    }

    /** Moves a handled object to processed/ or, with its error report, to failed/. */
    private void archive(S3ObjectRef object, String name, Entry entry, IntakeOutcome outcome) {
        String folder = prefix + (outcome.rejected() ? FAILED : PROCESSED);
        String target = entry.archiveKey() != null ? entry.archiveKey() : chooseTarget(object, entry, folder, name);
        String archivedName = target.substring(folder.length());
        if (outcome.rejected()) {
            // the report first: whoever finds the object in failed/ finds its report beside it
            bucket.put(object.bucket(), target + ".error.json", rejections.json(archivedName, name, outcome),
                    "application/json");
            bucket.put(object.bucket(), target + ".error.txt", RejectionReport.textBytes(name, outcome),
                    "text/plain; charset=utf-8");
        }
        bucket.move(object.bucket(), object.key(), target);
        ledger.recordMoved(entry.id(), State.DONE);
        LOG.info("{} {} (job {}): moved to {}", object, outcome.status(), outcome.jobId(), target);
    }

    /** Gives up on an object: it moves to failed/ beside a report with the attempts and the last error. */
    private void setAside(S3ObjectRef object, String name, Entry entry) {
        String folder = prefix + FAILED;
        String reason = entry.lastError() == null ? "unknown (no error was recorded)" : entry.lastError();
        String target = entry.state() == State.QUARANTINING && entry.archiveKey() != null
                && entry.archiveKey().startsWith(folder) ? entry.archiveKey() : null;
        if (target == null) {
            target = folder + ArchiveNames.free(candidate -> taken(object, folder + candidate), name);
            ledger.recordQuarantining(entry.id(), target, reason);
        }
        String archivedName = target.substring(folder.length());
        int attempts = Math.min(entry.attempts() - 1, maxAttempts);
        bucket.put(object.bucket(), target + ".error.json",
                quarantines.json(object, name, archivedName, attempts, reason, entry.outcome()), "application/json");
        bucket.put(object.bucket(), target + ".error.txt",
                QuarantineReport.text(name, attempts, reason, entry.outcome()), "text/plain; charset=utf-8");
        bucket.move(object.bucket(), object.key(), target);
        ledger.recordMoved(entry.id(), State.QUARANTINED);
        LOG.warn("{} set aside in {} after {} failed attempts; last error: {}", object, target, attempts, reason);
    }

    private String chooseTarget(S3ObjectRef object, Entry entry, String folder, String name) {
        String target = folder + ArchiveNames.free(candidate -> taken(object, folder + candidate), name);
        ledger.recordArchiveKey(entry.id(), target);
        return target;
    }

    private boolean taken(S3ObjectRef object, String key) {
        return bucket.exists(object.bucket(), key) || bucket.exists(object.bucket(), key + ".error.json");
    }

    /**
     * The file name of a brief directly under the prefix, or null for anything else: the prefix's own folder
     * marker, and keys in sub-folders (the consumer lists with the delimiter '/', so those are processed/ and
     * failed/ themselves; checked again here because a listing without a delimiter would include them).
     */
    String briefName(String key) {
        if (!key.startsWith(prefix)) {
            return null;
        }
        String name = key.substring(prefix.length());
        return name.isEmpty() || name.contains("/") ? null : name;
    }

    /**
     * Ends the download: a body read to its end is closed so the connection is reused; a body read only in part is
     * aborted, because closing it would first download (and discard) the rest of the object.
     */
    private static void release(InputStream body) {
        if (body == null) {
            return;
        }
        try {
            if (body instanceof Abortable download && body.read() != -1) {
                download.abort();
            }
            body.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing an S3 download failed: {}", e.toString());
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
