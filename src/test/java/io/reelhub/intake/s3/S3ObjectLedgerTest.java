package io.reelhub.intake.s3;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class S3ObjectLedgerTest extends S3ObjectLedgerContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:s3ledger;DB_CLOSE_DELAY=-1", "sa", "");
        migrate(dataSource, "PUBLIC");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
