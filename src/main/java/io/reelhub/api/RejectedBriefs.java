package io.reelhub.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

import io.reelhub.intake.IntakeOutcome;
import io.reelhub.intake.RejectionReport;
import io.reelhub.ops.HubFolders;

/**
 * Keeps a rejected posted brief byte for byte in {@code inbox/.failed/api/}, beside the same
 * {@code .error.json} and {@code .error.txt} reports the watched folder writes, named after the rejected job: a
 * client that lost its copy, or an operator asked "why was it refused", finds both there.
 */
@Component
class RejectedBriefs {

    static final String FOLDER = "inbox/.failed/api";

    private final RejectionReport reports;
    private final HubFolders folders;

    RejectedBriefs(RejectionReport reports, HubFolders folders) {
        this.reports = reports;
        this.folders = folders;
    }

    /** @return where the brief was kept, relative to the hub's home ({@code inbox/.failed/api/job-….yaml}) */
    String keep(BriefBody body, IntakeOutcome outcome) {
        Path folder = folders.home().resolve(FOLDER);
        String name = outcome.jobId() + "." + body.format();
        Path target = HubFolders.inside(folder, name);
        try {
            Files.createDirectories(folder);
            Path temp = folder.resolve("." + name + ".tmp");
            Files.write(temp, body.content());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the rejected brief " + name, e);
        }
        reports.write(folder, name, name, outcome);
        return FOLDER + "/" + name;
    }
}
