package io.reelhub.qc;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The generation_attempts table on embedded H2, the default database. */
class GenerationAttemptsTest extends GenerationAttemptsContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:attempts;DB_CLOSE_DELAY=-1", "sa", "");
        migrate(dataSource, "PUBLIC");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
