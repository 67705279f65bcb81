package io.reelhub.batch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.reelhub.brief.BriefCheck;
import io.reelhub.brief.BriefChecker;
import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.jobs.JobStore;

/**
 * Hands a running batch's briefs to intake a few at a time: never more than {@code max-concurrent} of its
 * generations in flight, and never past the budget: the first brief whose estimate would pass the cap, and every
 * brief after it, is skipped and reported. Each hand-over and its item's new status commit together, so a crash
 * neither loses nor repeats a brief.
 */
@Component("batchFeeder")
public class BatchFeeder {

    private static final Logger LOG = LoggerFactory.getLogger(BatchFeeder.class);

    private final BatchStore store;
    private final BatchProperties properties;
    private final BatchFolders folders;
    private final BriefChecker checker;
    private final BriefIntake intake;
    private final JobStore jobs;
    private final BatchReport report;
    private final TransactionTemplate transactions;
    private final long maxBytes;

    BatchFeeder(BatchStore store, BatchProperties properties, BatchFolders folders, BriefChecker checker,
                BriefIntake intake, JobStore jobs, BatchReport report, TransactionTemplate transactions,
                @Value("${reelhub.brief.max-bytes:1048576}") long maxBytes) {
        this.store = store;
        this.properties = properties;
        this.folders = folders;
        this.checker = checker;
        this.intake = intake;
        this.jobs = jobs;
        this.report = report;
        this.transactions = transactions;
        this.maxBytes = maxBytes;
    }

    public void feed() throws IOException {
        for (BatchRun run : store.running(properties.name())) {
            feed(run);
        }
    }

    private void feed(BatchRun run) throws IOException {
        List<BatchItem> items = store.items(run);
        long inFlight = items.stream().filter(item -> item.status() == BatchItem.Status.QUEUED)
                .filter(item -> jobs.find(item.jobId()).map(job -> !job.state().isTerminal()).orElse(false)).count();
        boolean capReached = items.stream().anyMatch(item -> item.status() == BatchItem.Status.SKIPPED);
        for (BatchItem item : items) {
            if (item.status() != BatchItem.Status.PENDING) {
                continue;
            }
            if (capReached) {
                store.settle(run, item.fileName(), BatchItem.Status.SKIPPED, null, null,
                        "not sent: the batch's budget cap was reached before this brief");
                continue;
            }
            if (inFlight >= properties.maxConcurrent()) {
                break;
            }
            BatchRun current = store.run(run.batchName(), run.businessDate()).orElseThrow();
            switch (handOver(current, item)) {
                case QUEUED -> inFlight++;
                case CAP_REACHED -> capReached = true;
                case SETTLED -> { }
            }
        }
        finishIfDone(run);
    }

    private enum HandOver { QUEUED, SETTLED, CAP_REACHED }

    private HandOver handOver(BatchRun run, BatchItem item) throws IOException {
        Path file = folders.locate(run.businessDate(), item.fileName());
        long size;
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            content = in.readNBytes((int) Math.min(size, maxBytes + 1));
        } catch (NoSuchFileException gone) {
            store.settle(run, item.fileName(), BatchItem.Status.REJECTED, null, null,
                    "the file disappeared from the batch folder before it was read");
            return HandOver.SETTLED;
        }
        BriefCheck check = checker.checkSized(content, size, item.fileName());
        BigDecimal estimate = check.errors().isEmpty() ? check.estimatedCostUsd() : BigDecimal.ZERO;
        if (estimate.compareTo(run.remainingUsd()) > 0) {
            store.settle(run, item.fileName(), BatchItem.Status.SKIPPED, null, estimate,
                    "not sent: its estimate of " + estimate + " USD is more than the " + run.remainingUsd()
                            + " USD left of the batch's " + run.budgetUsd() + " USD budget");
            LOG.info("Batch {} for {}: budget cap reached at {}", run.batchName(), run.businessDate(),
                    item.fileName());
            return HandOver.CAP_REACHED;
        }
        String source = "batch:" + run.batchName() + "/" + run.businessDate() + "/" + item.fileName();
        return transactions.execute(status -> {
            IntakeOutcome outcome = intake.accept(content, size, item.fileName(), source);
            switch (outcome.status()) {
                case ACCEPTED -> {
                    store.settle(run, item.fileName(), BatchItem.Status.QUEUED, outcome.jobId(), estimate, null);
                    store.commit(run, estimate);
                    return HandOver.QUEUED;
                }
                case DUPLICATE -> store.settle(run, item.fileName(), BatchItem.Status.DUPLICATE, outcome.jobId(),
                        BigDecimal.ZERO, "same content as " + outcome.briefId() + " v" + outcome.version()
                                + ": not generated again");
                case REJECTED -> store.settle(run, item.fileName(), BatchItem.Status.REJECTED, outcome.jobId(), null,
                        String.join("; ", outcome.errors().stream().map(p -> p.path() + ": " + p.message())
                                .toList()));
            }
            return HandOver.SETTLED;
        });
    }

    private void finishIfDone(BatchRun run) throws IOException {
        List<BatchItem> items = store.items(run);
        boolean done = items.stream().noneMatch(item -> item.status() == BatchItem.Status.PENDING
                || item.status() == BatchItem.Status.QUEUED
                && jobs.find(item.jobId()).map(job -> !job.state().isTerminal()).orElse(false));
        if (done) {
            BatchRun current = store.run(run.batchName(), run.businessDate()).orElseThrow();
            Path folder = report.write(current, items);
            store.reported(current, folder.toString());
            LOG.info("Batch {} for {} finished: report in {}", run.batchName(), run.businessDate(), folder);
        }
    }
}
