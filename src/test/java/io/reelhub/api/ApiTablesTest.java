package io.reelhub.api;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ApiTablesTest extends ApiTablesContract {

    private static final DriverManagerDataSource H2 =
            new DriverManagerDataSource("jdbc:h2:mem:api-tables;DB_CLOSE_DELAY=-1", "sa", "");

    @BeforeAll
    static void migrate() {
        migrate(H2, "PUBLIC");
    }

    @Override
    DataSource dataSource() {
        return H2;
    }
}
