package io.reelhub.jobs;

import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A migrated ledger on a given database, for store tests that need no Spring context. */
final class LedgerDatabase {

    private LedgerDatabase() {
    }

    static JobStore migrate(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").load()
                .migrate();
        return new JobStore(new JdbcTemplate(dataSource), Clock.systemUTC());
    }

    static DriverManagerDataSource h2(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
