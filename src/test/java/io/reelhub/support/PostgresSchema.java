package io.reelhub.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throw-away schema on the PostgreSQL of this machine (database {@code test}; {@code reelhub.it.postgres-url} and
 * {@code reelhub.it.postgres-user} override it), for the *IT tests that run a store's contract on PostgreSQL. The
 * test is skipped, saying why, when PostgreSQL is not reachable.
 */
public final class PostgresSchema {

    private final String name;
    private final DriverManagerDataSource dataSource;

    private PostgresSchema(String name, DriverManagerDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    public static PostgresSchema createOrSkip() {
        String name = "reelhub_it_" + UUID.randomUUID().toString().substring(0, 8);
        String url = System.getProperty("reelhub.it.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url + "?currentSchema=" + name,
                System.getProperty("reelhub.it.postgres-user", "postgres"), "");
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL not reachable at " + url + ": " + e.getMessage());
        }
        new JdbcTemplate(dataSource).execute("create schema " + name);
        return new PostgresSchema(name, dataSource);
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public void drop() {
        new JdbcTemplate(dataSource).execute("drop schema if exists " + name + " cascade");
    }
}
