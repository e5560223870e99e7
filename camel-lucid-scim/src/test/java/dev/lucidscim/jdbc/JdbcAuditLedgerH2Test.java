package dev.lucidscim.jdbc;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** {@link JdbcAuditLedger} on H2, in memory. */
class JdbcAuditLedgerH2Test extends JdbcAuditLedgerContract {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:lucid-audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return database;
    }
}
