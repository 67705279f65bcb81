package io.reelhub.intake.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.reelhub.brief.Problem;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.jobs.Job;

/** The words of every reply the hub sends to a mail's sender. Plain text, readable in any client. */
final class MailReplyTexts {

    static final String HOW_TO = """
            How to send a brief by mail (details: docs/intake.md):
              - attach it as a .yaml, .yml, .json or .md file (several files = several briefs), or
              - put the YAML brief in the mail text (it starts with the line "brief: 1"), or
              - write it as lines in the mail text:
                  Project: your-project
                  Scene: ...
                  Characters: ...
                  Action: ...
                  Tone: ...
                  Style: ...
                  Seconds: 8
              Images attached beside a brief are kept as its reference images.
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE = "\n-- \nReelHub (this reply was sent automatically)\n";

    private MailReplyTexts() {
    }

    static String subject(String original) {
        String subject = original == null || original.isBlank() ? "your brief" : original.trim();
        return subject.toLowerCase(Locale.ROOT).startsWith("re:") ? subject : "Re: " + subject;
    }

    /** The answer to a mail that was read: each brief accepted or rejected with its errors. */
    static String received(MailEnvelope mail, List<MailBriefResult> results, List<String> references,
                           List<String> notStored, List<String> unused, Set<String> projects) {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        long accepted = results.stream().filter(MailBriefResult::accepted).count();
        long rejected = results.stream().filter(MailBriefResult::rejected).count();
        if (results.isEmpty()) {
            text.append("ReelHub read your mail").append(quoted(mail.subject()))
                    .append(" but found no brief in it. Nothing was generated.\n\n").append(HOW_TO);
        } else {
            text.append("ReelHub read your mail").append(quoted(mail.subject())).append(": ")
                    .append(count(accepted, "brief")).append(" accepted");
            if (rejected > 0) {
                text.append(", ").append(count(rejected, "brief")).append(" rejected");
            }
            long other = results.size() - accepted - rejected;
            if (other > 0) {
                text.append(", ").append(count(other, "brief")).append(" received before");
            }
            text.append(".\n");
            for (MailBriefResult result : results) {
                text.append('\n');
                brief(text, result, projects);
            }
        }
        if (!references.isEmpty()) {
            text.append("\nReference images, stored beside the brief under the hub's home folder (briefs have no"
                    + " field for them yet, so they are kept for the team and not sent to the model):\n");
            references.forEach(path -> text.append("  - ").append(path).append('\n'));
        }
        if (!notStored.isEmpty()) {
            text.append("\nImages not stored:\n");
            notStored.forEach(line -> text.append("  - ").append(line).append('\n'));
        }
        if (!unused.isEmpty()) {
            text.append("\nAttachments not used (briefs are .yaml, .yml, .json or .md files; references are"
                    + " images):\n");
            unused.forEach(name -> text.append("  - ").append(name).append('\n'));
        }
        if (accepted > 0) {
            text.append("\nYou will get one more mail for each job, when it is delivered or fails.\n");
        }
        if (rejected > 0 && !results.isEmpty()) {
            text.append("\nFix every error listed and send the brief again; a corrected brief with the same id becomes"
                    + " its next version.\n");
        }
        return text.append(SIGNATURE).toString();
    }

    private static void brief(StringBuilder text, MailBriefResult result, Set<String> projects) {
        IntakeOutcome outcome = result.outcome();
        String what = "Brief " + (outcome.briefId() == null || "unknown".equals(outcome.briefId()) ? ""
                : outcome.briefId() + " ") + "(" + source(result.item())
                + (outcome.project() == null || "unknown".equals(outcome.project()) ? ""
                : ", project " + outcome.project()) + ")";
        text.append(what).append('\n');
        switch (outcome.status()) {
            case ACCEPTED -> text.append("  accepted as ").append(version(outcome.version())).append(", job ")
                    .append(outcome.jobId()).append(" (GET /api/jobs/").append(outcome.jobId()).append(")\n");
            case DUPLICATE -> {
                if (result.ownRetry()) {
                    text.append("  accepted as ").append(version(outcome.version())).append(", job ")
                            .append(outcome.jobId()).append(" (GET /api/jobs/").append(outcome.jobId()).append(")\n");
                } else {
                    text.append("  the same content was received before as ").append(version(outcome.version()))
                            .append(outcome.jobId() == null ? "" : " (job " + outcome.jobId() + ")")
                            .append(": nothing new was generated\n");
                }
            }
            case REJECTED -> {
                text.append("  REJECTED: nothing was generated for it. Errors:\n");
                problems(text, outcome.errors(), result.plainText());
                if (outcome.errors().stream().anyMatch(p -> "project".equals(p.path())) && !projects.isEmpty()) {
                    text.append("    (you may send briefs for: ").append(String.join(", ", projects)).append(")\n");
                }
            }
            default -> { }
        }
        List<Problem> warnings = new ArrayList<>(result.notes());
        warnings.addAll(outcome.warnings());
        if (!warnings.isEmpty()) {
            text.append("  Warnings:\n");
            problems(text, warnings, result.plainText());
        }
    }

    /** To a sender who is not on the allowlist. */
    static String refused(MailEnvelope mail) {
        return "Hello,\n\nThank you for your mail" + quoted(mail.subject()) + ". This address accepts video briefs"
                + " only from senders registered for a project, and " + mail.sender() + " is not one of them, so"
                + " nothing was generated and your mail was set aside.\n\nIf you should be able to send briefs,"
                + " please ask the production team to add your address or domain to the hub's allowlist.\n"
                + SIGNATURE;
    }

    /** To the sender of a mail that could not be processed after every attempt. */
    static String gaveUp(MailEnvelope mail, int attempts, String lastError) {
        return "Hello,\n\nReelHub could not read your mail" + quoted(mail.subject()) + " after " + attempts
                + " attempts, so it was set aside and nothing was generated from it.\n\nLast error: "
                + (lastError == null ? "unknown" : lastError) + "\n\nPlease check the attachments (a damaged or"
                + " unusually encoded file is the usual cause) and send it again, or ask the production team to look"
                + " at the mail in the hub's failed folder.\n" + SIGNATURE;
    }

    /** When a job from a mail has ended. */
    static String ended(Job job, List<Job> children, String item, Path home) {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        String what = "Job " + job.id() + " (brief " + job.briefId() + " " + job.versionLabel() + ", project "
                + job.project() + ", from " + source(item) + ")";
        switch (job.state()) {
            case DELIVERED -> {
                text.append(what).append(" is DELIVERED.\n\nOutputs, under the hub's home folder:\n");
                List<String> outputs = new ArrayList<>(outputs(job, home));
                children.forEach(child -> outputs.addAll(outputs(child, home)));
                if (outputs.isEmpty()) {
                    text.append("  (none recorded)\n");
                }
                outputs.forEach(path -> text.append("  - ").append(path).append('\n'));
            }
            case FAILED -> {
                text.append(what).append(" FAILED: ").append(job.lastError() == null ? "no reason recorded"
                        : job.lastError()).append('\n');
                for (Job child : children) {
                    text.append("  - ").append(child.shotId() == null ? child.id() : child.shotId()).append(": ")
                            .append(child.state()).append(child.lastError() == null ? "" : " (" + child.lastError()
                                    + ")").append('\n');
                    outputs(child, home).forEach(path -> text.append("      ").append(path).append('\n'));
                }
            }
            default -> text.append(what).append(" was ").append(job.state()).append(".\n");
        }
        text.append("\nDetails and the full history: GET /api/jobs/").append(job.id()).append('\n');
        return text.append(SIGNATURE).toString();
    }

    private static List<String> outputs(Job job, Path home) {
        if (job.outputsJson() == null || job.outputsJson().isBlank()) {
            return List.of();
        }
        try {
            List<String> paths = new ArrayList<>();
            for (JsonNode node : JSON.readTree(job.outputsJson())) {
                paths.add(relative(node.asText(), home));
            }
            return paths;
        } catch (IOException e) {
            return List.of(job.outputsJson());
        }
    }

    /** A path under the home is shown relative to it (the hub's disk layout is not the sender's business). */
    static String relative(String written, Path home) {
        try {
            Path path = Path.of(written).toAbsolutePath().normalize();
            return path.startsWith(home) ? home.relativize(path).toString().replace('\\', '/') : written;
        } catch (RuntimeException notAPath) {
            return written;
        }
    }

    private static void problems(StringBuilder text, List<Problem> problems, boolean plainText) {
        for (Problem problem : problems) {
            String path = plainText ? PlainTextBrief.describe(problem.path())
                    : problem.path() == null || problem.path().isEmpty() ? "(file)" : problem.path();
            text.append("    - ").append(path).append(": ").append(problem.message()).append('\n');
        }
    }

    private static String source(String item) {
        return "body".equals(item) ? "the mail text" : "attachment " + item;
    }

    private static String version(int version) {
        return "v%03d".formatted(version);
    }

    private static String quoted(String subject) {
        return subject == null || subject.isBlank() ? "" : " \"" + subject + "\"";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
