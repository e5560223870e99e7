package dev.lucidscim.camel.postgres;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lucidscim.jdbc.JdbcAuditLedgerContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link dev.lucidscim.jdbc.JdbcAuditLedger} on a real PostgreSQL server ({@link PostgresServer}). */
class JdbcAuditLedgerPostgresTest extends JdbcAuditLedgerContract {

    private static PostgresServer postgres;
    private static HikariDataSource pool;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
        pool = postgres.pool("audit");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pool.close();
        postgres.close();
    }

    @Override
    protected DataSource freshDatabase() throws Exception {
        try (Connection connection = pool.getConnection(); Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE IF EXISTS lucid_scim_audit");
        }
        return pool;
    }
}
