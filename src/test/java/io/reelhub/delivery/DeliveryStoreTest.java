package io.reelhub.delivery;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The deliveries table on embedded H2, the default database. */
class DeliveryStoreTest extends DeliveryStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:deliveries;DB_CLOSE_DELAY=-1", "sa", "");
        migrate(dataSource, "PUBLIC");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
