package io.reelhub.intake.mail;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class MailLedgerTest extends MailLedgerContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:mail-ledger;DB_CLOSE_DELAY=-1", "sa", "");
        migrate(dataSource, "PUBLIC");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
