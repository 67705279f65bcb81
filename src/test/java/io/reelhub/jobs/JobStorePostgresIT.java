package io.reelhub.jobs;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.reelhub.support.PostgresSchema;

/** The same ledger contract on the PostgreSQL of this machine (database {@code test}), in a throw-away schema. */
class JobStorePostgresIT extends JobStoreContract {
    private static PostgresSchema schema;
    private static JobStore store;

    @BeforeAll
    static void migrate() {
        schema = PostgresSchema.createOrSkip();
        store = LedgerDatabase.migrate(schema.dataSource(), schema.name());
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Override
    DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    JobStore store() {
        return store;
    }
}
