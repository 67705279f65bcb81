package io.reelhub.intake.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The email channel's settings ({@code reelhub.intake.mail.*}). The mailbox's host, port, user and password are
 * read by the route in {@code routes/intake-mail.yaml}; these are the ones the Java side needs.
 *
 * @param enabled          whether the routes {@code intake-mail} and {@code mail-replies} start
 * @param maxAttempts      tries of one mail (by Message-ID) before it is given up and moved to the failed folder
 * @param processedFolder  where a mail whose briefs were all accepted is moved
 * @param failedFolder     where a refused, rejected or given-up mail is moved (kept, never deleted)
 * @param allowedSenders   project → the addresses ({@code bob@studio.example}) and domains ({@code studio.example})
 *                         that may send briefs for it
 * @param replyFrom        the From address of replies; also never answered, so the hub cannot talk to itself
 * @param maxImageBytes    the largest image attachment stored as a reference
 * @param replyMaxAttempts failed SMTP sends of one reply before it is given up
 * @param replyRetryBase   first back-off after a failed send; doubles per attempt, at most an hour
 * @param replyLease       how long a claimed reply may take to send before another poll may take it over
 */
@ConfigurationProperties(prefix = "reelhub.intake.mail")
public record MailIntakeProperties(
        Boolean enabled,
        Integer maxAttempts,
        String processedFolder,
        String failedFolder,
        Map<String, List<String>> allowedSenders,
        String replyFrom,
        Long maxImageBytes,
        Integer replyMaxAttempts,
        Duration replyRetryBase,
        Duration replyLease) {

    public MailIntakeProperties {
        enabled = enabled != null && enabled;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 5 : maxAttempts;
        processedFolder = processedFolder == null || processedFolder.isBlank() ? "ReelHub/Processed" : processedFolder;
        failedFolder = failedFolder == null || failedFolder.isBlank() ? "ReelHub/Failed" : failedFolder;
        allowedSenders = allowedSenders == null ? Map.of() : Map.copyOf(allowedSenders);
        replyFrom = replyFrom == null ? "" : replyFrom.trim();
        maxImageBytes = maxImageBytes == null ? 100L * 1024 * 1024 : maxImageBytes;
        replyMaxAttempts = replyMaxAttempts == null || replyMaxAttempts < 1 ? 10 : replyMaxAttempts;
        replyRetryBase = replyRetryBase == null ? Duration.ofSeconds(30) : replyRetryBase;
        replyLease = replyLease == null ? Duration.ofMinutes(2) : replyLease;
    }

    /** Back-off after {@code failed} failed sends. */
    Duration replyBackoff(int failed) {
        Duration delay = replyRetryBase.multipliedBy(1L << Math.min(Math.max(failed - 1, 0), 16));
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }
}
