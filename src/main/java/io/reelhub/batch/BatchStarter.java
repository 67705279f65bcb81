package io.reelhub.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Starts the night that is due, once. Called by the cron trigger and at start-up, so a night missed while the hub was
 * down runs once when it comes back, and the same business date never runs twice (the ledger's key says so).
 */
@Component("batchStarter")
public class BatchStarter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchStarter.class);

    private final BatchStore store;
    private final BatchProperties properties;
    private final BatchFolders folders;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NightlySchedule schedule;

    BatchStarter(BatchStore store, BatchProperties properties, BatchFolders folders, TransactionTemplate transactions,
                 Clock clock) {
        this.store = store;
        this.properties = properties;
        this.folders = folders;
        this.transactions = transactions;
        this.clock = clock;
        this.schedule = new NightlySchedule(properties.cron(), properties.timeZone());
    }

    /** Runs the latest night due since the schedule was armed, unless it already ran. */
    public void runDue() {
        schedule.latestFire(store.armedAt(properties.name()), clock.instant())
                .map(schedule::businessDate)
                .ifPresent(this::start);
    }

    /** Starts the run of one business date; does nothing when that date already ran. */
    void start(LocalDate date) {
        List<String> files = folders.waiting();
        Boolean started = transactions.execute(status -> {
            if (!store.tryStart(properties.name(), date, properties.budgetUsd())) {
                return false;
            }
            BatchRun run = store.run(properties.name(), date).orElseThrow();
            files.forEach(file -> store.addItem(run, file));
            return true;
        });
        if (Boolean.TRUE.equals(started)) {
            LOG.info("Batch {} for {}: {} brief(s), budget {} USD", properties.name(), date, files.size(),
                    properties.budgetUsd());
            files.forEach(file -> folders.claim(date, file));
        }
    }
}
