package io.reelhub.qc;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.reelhub.support.PostgresSchema;

/** The generation_attempts table on the PostgreSQL of this machine (database {@code test}), in a throw-away schema. */
class GenerationAttemptsPostgresIT extends GenerationAttemptsContract {

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
