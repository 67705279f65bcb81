package io.reelhub.jobs;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

class JobStoreTest extends JobStoreContract {

    private static final DataSource DATABASE = LedgerDatabase.h2("jobstore");
    private static JobStore store;

    @BeforeAll
    static void migrate() {
        store = LedgerDatabase.migrate(DATABASE, "PUBLIC");
    }

    @Override
    DataSource dataSource() {
        return DATABASE;
    }

    @Override
    JobStore store() {
        return store;
    }
}
