package io.reelhub.intake;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import io.reelhub.ops.HubFolders;

/**
 * The watched folder's bean (route {@code intake-folder} in {@code routes/}): hands the file to {@link BriefIntake}
 * and tells the file consumer where to move it: {@code .done/} when accepted or a duplicate, {@code .failed/} beside
 * its error report when rejected. An infrastructure failure (database down) throws, so the file stays in the inbox
 * and is tried again on the next poll instead of being blamed on the brief.
 */
@Component("folderIntake")
public class FolderIntake {

    /** Where the file consumer's {@code move} option sends the file, relative to the inbox. */
    public static final String ARCHIVE_HEADER = "ReelHubArchivePath";

    private final BriefIntake intake;
    private final RejectionReport reports;
    private final HubFolders folders;
    private final long maxBytes;

    public FolderIntake(BriefIntake intake, RejectionReport reports, HubFolders folders,
                        @org.springframework.beans.factory.annotation.Value("${reelhub.brief.max-bytes:1048576}")
                        long maxBytes) {
        this.intake = intake;
        this.reports = reports;
        this.folders = folders;
        this.maxBytes = maxBytes;
    }

    public void accept(Exchange exchange) throws IOException {
        File file = exchange.getMessage().getBody(File.class);
        String name = file.getName();
        IntakeOutcome outcome = intake.accept(read(file.toPath()), file.length(), name, "folder:inbox/" + name);
        if (outcome.rejected()) {
            Path failed = folders.inbox().resolve(".failed");
            String archived = ArchiveNames.free(failed, name);
            reports.write(failed, archived, name, outcome);
            exchange.getMessage().setHeader(ARCHIVE_HEADER, ".failed/" + archived);
        } else {
            exchange.getMessage().setHeader(ARCHIVE_HEADER,
                    ".done/" + ArchiveNames.free(folders.inbox().resolve(".done"), name));
        }
        exchange.getMessage().setBody(outcome);
    }

    /** Reads at most one byte past the limit: enough for the checker to say "too large" without loading a video. */
    private byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }
}
