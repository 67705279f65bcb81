package io.reelhub.jobs;

import org.junit.jupiter.api.BeforeAll;

class JobStoreTest extends JobStoreContract {

    private static JobStore store;

    @BeforeAll
    static void migrate() {
        store = LedgerDatabase.migrate(LedgerDatabase.h2("jobstore"), "PUBLIC");
    }

    @Override
    JobStore store() {
        return store;
    }
}
