package io.reelhub.intake.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Message;

import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.reelhub.brief.BriefCheck;
import io.reelhub.brief.BriefChecker;
import io.reelhub.brief.Problem;
import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.ops.HubFolders;

/**
 * The mailbox's bean (route {@code intake-mail} in {@code routes/}): reads one mail, hands each brief in it to
 * {@link BriefIntake}, stores its images as references, queues the reply, and tells the mail consumer where to
 * move the mail ({@code moveTo} header): the processed folder when every brief was accepted, the failed folder
 * otherwise. Nothing is deleted.
 * <p>
 * Each mail is tried at most {@code reelhub.intake.mail.max-attempts} times, counted in the ledger by Message-ID
 * before any work: a failure throws, the consumer leaves the mail unseen and the next poll tries again; once the
 * attempts are used up the mail is moved to the failed folder and its sender told, so a poison mail never loops.
 * A mail that has ended once (the same mail delivered twice, a crash before the IMAP move) is only moved again.
 */
@Component("mailIntake")
public class MailIntake {

    /** The Message-ID of the mail being processed, for the route's logs. */
    public static final String MAIL_ID_HEADER = "ReelHubMailId";

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
    private static final Pattern YAML_BRIEF = Pattern.compile("(?m)^brief\\s*:\\s*\\S");
    private static final Pattern YAML_TOP_LINE = Pattern.compile("#|- |-$|[A-Za-z_][A-Za-z0-9_-]*\\s*:(\\s|$)");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)((re|fw|fwd|aw|wg|tr)\\s*:\\s*)+");

    private final MailIntakeProperties properties;
    private final MailLedger ledger;
    private final ReplyOutbox outbox;
    private final BriefIntake intake;
    private final BriefChecker checker;
    private final HubFolders folders;
    private final SenderAllowlist allowlist;
    private final MailReader reader;
    private final ReferenceImages references;

    public MailIntake(MailIntakeProperties properties, MailLedger ledger, ReplyOutbox outbox, BriefIntake intake,
                      BriefChecker checker, HubFolders folders,
                      @Value("${reelhub.brief.max-bytes:1048576}") long maxBriefBytes) {
        this.properties = properties;
        this.ledger = ledger;
        this.outbox = outbox;
        this.intake = intake;
        this.checker = checker;
        this.folders = folders;
        this.allowlist = new SenderAllowlist(properties.allowedSenders());
        this.reader = new MailReader(maxBriefBytes, properties.maxImageBytes());
        this.references = new ReferenceImages(folders.home().resolve("references"));
    }

    public void accept(Exchange exchange) throws Exception {
        Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
        MailEnvelope envelope = MailEnvelope.of(mail);
        exchange.getMessage().setHeader(MAIL_ID_HEADER, envelope.messageId());
        MailLedger.Outcome outcome = process(mail, envelope);
        exchange.getMessage().setHeader(MailConstants.MAIL_MOVE_TO, outcome == MailLedger.Outcome.PROCESSED
                ? properties.processedFolder() : properties.failedFolder());
        exchange.getMessage().setBody(outcome.name());
    }

    MailLedger.Outcome process(Message mail, MailEnvelope envelope) throws Exception {
        MailLedger.Attempt attempt = ledger.begin(envelope);
        if (attempt.finished() != null) {
            LOG.info("Mail {} from {} was {} before: moved again, not processed again", envelope.messageId(),
                    envelope.sender(), attempt.finished());
            return attempt.finished();
        }
        if (attempt.number() > properties.maxAttempts()) {
            LOG.warn("Mail {} from {} failed {} times; moving it to {}. Last error: {}", envelope.messageId(),
                    envelope.sender(), attempt.number() - 1, properties.failedFolder(), attempt.lastError());
            if (!allowlist.projectsFor(envelope.sender()).isEmpty()) {
                reply(envelope, "#gave-up", MailReplyTexts.gaveUp(envelope, attempt.number() - 1,
                        attempt.lastError()));
            }
            ledger.finish(envelope.messageId(), MailLedger.Outcome.GAVE_UP);
            return MailLedger.Outcome.GAVE_UP;
        }
        Set<String> projects = allowlist.projectsFor(envelope.sender());
        if (projects.isEmpty()) {
            LOG.warn("Mail {} from {} refused: the sender is not on reelhub.intake.mail.allowed-senders",
                    envelope.messageId(), envelope.sender());
            reply(envelope, "#refused", MailReplyTexts.refused(envelope));
            ledger.finish(envelope.messageId(), MailLedger.Outcome.REFUSED);
            return MailLedger.Outcome.REFUSED;
        }
        Path work = folders.work("mail-" + MailEnvelope.sha256(envelope.messageId()));
        try {
            MailLedger.Outcome outcome = read(mail, envelope, projects, work);
            ledger.finish(envelope.messageId(), outcome);
            return outcome;
        } catch (Exception e) {
            ledger.failed(envelope.messageId(), e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.warn("Mail {} from {}: attempt {} of {} failed: {}", envelope.messageId(), envelope.sender(),
                    attempt.number(), properties.maxAttempts(), e.toString());
            throw e;
        } finally {
            delete(work);
        }
    }

    private MailLedger.Outcome read(Message mail, MailEnvelope envelope, Set<String> projects, Path work)
            throws Exception {
        MailParts parts = reader.read(mail, work);
        Optional<String> onlyProject = projects.size() == 1 ? Optional.of(projects.iterator().next())
                : Optional.empty();
        List<MailBriefResult> results = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        if (parts.body() != null) {
            bodyBrief(parts.body(), envelope, onlyProject, projects).ifPresent(results::add);
        } else if (parts.htmlOnly() && parts.all(MailParts.BriefFile.class).isEmpty()) {
            unused.add("the mail text (HTML only: send the brief as plain text or as an attached file)");
        }
        for (MailParts.BriefFile file : parts.all(MailParts.BriefFile.class)) {
            results.add(fileBrief(file, envelope, onlyProject, projects));
        }
        for (MailParts.Other other : parts.all(MailParts.Other.class)) {
            unused.add(other.label() + " (" + other.contentType() + ")");
        }
        List<String> stored = new ArrayList<>();
        List<String> notStored = new ArrayList<>();
        storeImages(parts.all(MailParts.Image.class), results, envelope, stored, notStored);

        boolean allAccepted = !results.isEmpty() && results.stream().noneMatch(MailBriefResult::rejected);
        reply(envelope, "#received", MailReplyTexts.received(envelope, results, stored, notStored, unused, projects));
        LOG.info("Mail {} from {}: {} brief(s), {} accepted, {} rejected, {} reference image(s)",
                envelope.messageId(), envelope.sender(), results.size(),
                results.stream().filter(MailBriefResult::accepted).count(),
                results.stream().filter(MailBriefResult::rejected).count(), stored.size());
        return allAccepted ? MailLedger.Outcome.PROCESSED : MailLedger.Outcome.REJECTED;
    }

    /** The mail text is a brief when it holds a YAML brief ({@code brief: 1}) or {@code Scene:}-style lines. */
    private Optional<MailBriefResult> bodyBrief(String body, MailEnvelope envelope, Optional<String> onlyProject,
                                                Set<String> projects) {
        String name = idFromSubject(envelope.subject());
        if (YAML_BRIEF.matcher(body).find()) {
            byte[] content = yamlPart(body).getBytes(StandardCharsets.UTF_8);
            return Optional.of(submit("body", name + ".yaml", content, content.length, envelope, projects, false,
                    List.of()));
        }
        PlainTextBrief.Parsed text = PlainTextBrief.read(body, onlyProject);
        if (!text.hasPrompt()) {
            return Optional.empty();
        }
        return Optional.of(submit("body", name + ".txt", text.json(), text.json().length, envelope, projects, true,
                text.warnings()));
    }

    private MailBriefResult fileBrief(MailParts.BriefFile file, MailEnvelope envelope, Optional<String> onlyProject,
                                      Set<String> projects) {
        String extension = MailReader.extension(file.name());
        if ((extension.equals("md") || extension.equals("markdown")) && file.size() == file.prefix().length) {
            MarkdownBrief.Converted converted = MarkdownBrief.read(new String(file.prefix(), StandardCharsets.UTF_8),
                    onlyProject);
            return submit(file.label(), file.name(), converted.content(), converted.content().length, envelope,
                    projects, false, converted.warnings());
        }
        return submit(file.label(), file.name(), file.prefix(), file.size(), envelope, projects, false, List.of());
    }

    private MailBriefResult submit(String item, String fileName, byte[] content, long size, MailEnvelope envelope,
                                   Set<String> projects, boolean plainText, List<Problem> notes) {
        String source = MailLedger.cut("mail:" + envelope.messageId() + "/" + item, 1000);
        Optional<IntakeOutcome> refused = projectNotAllowed(content, size, fileName, projects);
        if (refused.isPresent()) {
            return new MailBriefResult(item, refused.get(), false, plainText, notes);
        }
        IntakeOutcome outcome = intake.accept(content, size, fileName, source);
        boolean ownRetry = false;
        if (outcome.status() == IntakeOutcome.Status.ACCEPTED) {
            ledger.recordJob(outcome.jobId(), envelope, item, envelope.answerable(properties.replyFrom()));
        } else if (outcome.status() == IntakeOutcome.Status.DUPLICATE && outcome.jobId() != null) {
            ownRetry = ledger.messageOf(outcome.jobId()).filter(envelope.messageId()::equals).isPresent();
        }
        return new MailBriefResult(item, outcome, ownRetry, plainText, notes);
    }

    /** A brief for a project the sender may not send for is refused here, before it is recorded anywhere. */
    private Optional<IntakeOutcome> projectNotAllowed(byte[] content, long size, String fileName,
                                                      Set<String> projects) {
        BriefCheck check = checker.checkSized(content, size, fileName);
        if (check.brief() == null || check.brief().project() == null || projects.contains(check.brief().project())) {
            return Optional.empty();
        }
        String project = check.brief().project();
        return Optional.of(new IntakeOutcome(IntakeOutcome.Status.REJECTED, null, project, check.brief().id(), 0,
                List.of(new Problem("project", "'" + project + "' is not a project this sender may send briefs"
                        + " for by mail")), check.warnings()));
    }

    /** Images go with every brief of the mail that was accepted; a mail without one keeps them only in the mail. */
    private void storeImages(List<MailParts.Image> images, List<MailBriefResult> results, MailEnvelope envelope,
                             List<String> stored, List<String> notStored) throws IOException {
        List<MailBriefResult> accepted = results.stream().filter(MailBriefResult::accepted).toList();
        for (MailParts.Image image : images) {
            if (image.tooLarge()) {
                notStored.add(image.label() + ": " + image.size() + " bytes, over the limit of "
                        + properties.maxImageBytes() + " bytes");
                continue;
            }
            if (accepted.isEmpty()) {
                notStored.add(image.label() + ": no brief in this mail was accepted, so it has no brief to go with");
                continue;
            }
            for (MailBriefResult result : accepted) {
                Path file = references.store(result.outcome().project(), result.outcome().briefId(), image);
                String relative = folders.home().relativize(file).toString().replace('\\', '/');
                ledger.recordReference(envelope.messageId(), result.outcome().project(), result.outcome().briefId(),
                        image.label(), relative, image.size(), image.sha256());
                stored.add(relative + (file.getFileName().toString().equals(ReferenceImages.safeName(image.name()))
                        ? "" : " (attached as " + image.name() + ")"));
            }
        }
    }

    private void reply(MailEnvelope envelope, String kind, String body) {
        if (!envelope.answerable(properties.replyFrom())) {
            LOG.info("Mail {} from {} is not answered (no sender, an automatic mail, or the hub's own address)",
                    envelope.messageId(), envelope.sender());
            return;
        }
        String refs = envelope.references() == null ? envelope.messageId()
                : envelope.references().replaceAll("\\s+", " ").trim() + " " + envelope.messageId();
        outbox.queue(new OutgoingReply(envelope.messageId() + kind, envelope.sender(),
                MailReplyTexts.subject(envelope.subject()), body, envelope.messageId(), refs));
    }

    /**
     * The YAML brief in a mail text: from the {@code brief:} line to the first line that cannot belong to a YAML
     * mapping (a line at the margin that is not {@code key:}, a comment or a list item, such as "Thanks"), a
     * document marker ({@code ---}, {@code ...}) or the signature ({@code -- }). A greeting above the brief and a
     * closing below it are not part of it.
     */
    static String yamlPart(String body) {
        Matcher start = YAML_BRIEF.matcher(body);
        String[] lines = (start.find() ? body.substring(start.start()) : body).replace("\r\n", "\n").split("\n", -1);
        StringBuilder yaml = new StringBuilder();
        for (String line : lines) {
            boolean atMargin = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
            if (line.equals("-- ") || line.equals("--") || line.equals("---") || line.equals("...")
                    || atMargin && !YAML_TOP_LINE.matcher(line).lookingAt()) {
                break;
            }
            yaml.append(line).append('\n');
        }
        return yaml.toString();
    }

    /** The name a body brief is given (its id when it names none): the subject without Re:/Fwd:. */
    static String idFromSubject(String subject) {
        String name = REPLY_PREFIX.matcher(subject == null ? "" : subject.trim()).replaceFirst("").trim();
        name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-_.]+|[-_.]+$", "");
        if (name.length() > 60) {
            name = name.substring(0, 60).replaceAll("[-_.]+$", "");
        }
        return name.isEmpty() ? "mail-brief" : name;
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Could not clean up {}: {}", folder, e.toString());
        }
    }
}
