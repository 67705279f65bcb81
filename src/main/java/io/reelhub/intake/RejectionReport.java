package io.reelhub.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.springframework.stereotype.Component;

import io.reelhub.brief.Problem;

/**
 * Writes {@code <name>.error.json} and a human-readable {@code <name>.error.txt} beside a rejected brief, so that
 * whoever dropped it can see what to fix without asking anyone.
 */
@Component
public class RejectionReport {

    private final ObjectMapper json;

    public RejectionReport(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void write(Path folder, String archivedName, String originalName, IntakeOutcome outcome) {
        try {
            Files.createDirectories(folder);
            writeAtomically(folder.resolve(archivedName + ".error.json"), json(archivedName, originalName, outcome));
            writeAtomically(folder.resolve(archivedName + ".error.txt"), textBytes(originalName, outcome));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error report for " + originalName, e);
        }
    }

    /** The content of {@code <archivedName>.error.json}, for channels that store it elsewhere than in a folder. */
    public byte[] json(String archivedName, String originalName, IntakeOutcome outcome) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", originalName);
        report.put("archivedAs", archivedName);
        report.put("rejectedAt", Instant.now().toString());
        report.put("job", outcome.jobId());
        report.put("errors", outcome.errors());
        report.put("warnings", outcome.warnings());
        try {
            return json.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error report for " + originalName, e);
        }
    }

    /** The content of {@code <archivedName>.error.txt}. */
    public static byte[] textBytes(String originalName, IntakeOutcome outcome) {
        return text(originalName, outcome).getBytes(StandardCharsets.UTF_8);
    }

    static String text(String originalName, IntakeOutcome outcome) {
        StringBuilder text = new StringBuilder();
        text.append("The brief '").append(originalName).append("' was rejected. Nothing was generated.\n\n");
        text.append("Errors (fix all of these and drop the file again):\n");
        lines(text, outcome.errors());
        if (!outcome.warnings().isEmpty()) {
            text.append("\nWarnings (the brief would run, but consider these):\n");
            lines(text, outcome.warnings());
        }
        return text.toString();
    }

    private static void lines(StringBuilder text, List<Problem> problems) {
        for (Problem problem : problems) {
            text.append("  - ").append(problem.path() == null || problem.path().isEmpty() ? "(file)" : problem.path())
                    .append(": ").append(problem.message()).append('\n');
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
