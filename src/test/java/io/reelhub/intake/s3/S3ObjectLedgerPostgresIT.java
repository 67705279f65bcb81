package io.reelhub.intake.s3;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.reelhub.support.PostgresSchema;

/** The same ledger contract on the PostgreSQL of this machine (database {@code test}), in a throw-away schema. */
class S3ObjectLedgerPostgresIT extends S3ObjectLedgerContract {
    private static PostgresSchema schema;

    @BeforeAll
    static void migrate() {
        schema = PostgresSchema.createOrSkip();
        migrate(schema.dataSource(), schema.name());
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
}
