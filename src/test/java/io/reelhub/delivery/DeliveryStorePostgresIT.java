package io.reelhub.delivery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The deliveries table on the PostgreSQL of this machine (database {@code test}), in a throw-away schema. */
class DeliveryStorePostgresIT extends DeliveryStoreContract {

    private static final String SCHEMA = "reelhub_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static DriverManagerDataSource dataSource;
    private static boolean migrated;

    @BeforeAll
    static void migrate() {
        String url = System.getProperty("reelhub.it.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
        dataSource = new DriverManagerDataSource(url + "?currentSchema=" + SCHEMA,
                System.getProperty("reelhub.it.postgres-user", "postgres"), "");
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL not reachable at " + url + ": " + e.getMessage());
        }
        new JdbcTemplate(dataSource).execute("create schema " + SCHEMA);
        migrate(dataSource, SCHEMA);
        migrated = true;
    }

    @AfterAll
    static void dropSchema() {
        if (migrated) {
            new JdbcTemplate(dataSource).execute("drop schema " + SCHEMA + " cascade");
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
