package io.reelhub.intake.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.reelhub.intake.IntakeOutcome;

/**
 * The report beside an object the intake gave up on ({@code <name>.error.json} and {@code .error.txt} in failed/):
 * how often it was tried, the last error, and what became of the brief if the intake had already answered, so
 * nobody re-uploads an accepted brief thinking it was lost.
 */
final class QuarantineReport {

    private final ObjectMapper json;

    QuarantineReport(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    byte[] json(S3ObjectRef object, String name, String archivedName, int attempts, String reason,
                IntakeOutcome outcome) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", name);
        report.put("object", "s3://" + object.bucket() + "/" + object.key());
        report.put("archivedAs", archivedName);
        report.put("setAsideAt", Instant.now().toString());
        report.put("attempts", attempts);
        report.put("reason", reason);
        if (outcome != null) {
            report.put("outcome", outcome.status().name());
            report.put("job", outcome.jobId());
            report.put("errors", outcome.errors());
        }
        try {
            return json.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report for " + object, e);
        }
    }

    static byte[] text(String name, int attempts, String reason, IntakeOutcome outcome) {
        StringBuilder text = new StringBuilder();
        text.append("The brief '").append(name).append("' was set aside after ").append(attempts)
                .append(" attempts to handle it failed.\n\n");
        text.append("Last error: ").append(reason).append("\n\n");
        if (outcome == null) {
            text.append("Nothing was generated from it. Fix the cause and upload it again.\n");
        } else if (outcome.status() == IntakeOutcome.Status.REJECTED) {
            text.append("The brief was also invalid, so nothing was generated:\n");
            outcome.errors().forEach(p -> text.append("  - ").append(p.path() == null || p.path().isEmpty()
                    ? "(file)" : p.path()).append(": ").append(p.message()).append('\n'));
        } else {
            text.append("The brief itself was ").append(outcome.status() == IntakeOutcome.Status.ACCEPTED
                            ? "accepted" : "a duplicate of an earlier brief").append(" (job ").append(outcome.jobId())
                    .append("), and that stands: only moving the file failed. Do not upload it again.\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
