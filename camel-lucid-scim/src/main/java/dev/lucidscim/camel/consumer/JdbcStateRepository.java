package dev.lucidscim.camel.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import dev.lucidscim.jdbc.JdbcTables;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateRepository} in a database table, for consumers on several nodes that must share their state (with a
 * cluster service electing the one that polls). Every read goes to the database, so a node taking over sees what the
 * previous leader committed. Tested on PostgreSQL and H2. The table, created at start unless told otherwise, is:
 *
 * <pre>
 * CREATE TABLE IF NOT EXISTS LUCID_SCIM_STATE (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE VARCHAR(1000000))
 * </pre>
 *
 * (on PostgreSQL, {@code STATE_VALUE TEXT} serves as well when creating it yourself).
 * <ul>
 * <li>Nodes starting together may all create it: one wins, the others find it there.</li>
 * <li>A write is an update, else an insert; an insert that another writer beat is an update after all, so concurrent
 * writers of a key never fail, and the last write holds. Each statement commits on its own (auto-commit), also on
 * connections that a pool hands out with auto-commit off.</li>
 * <li>A statement that fails because its connection broke (a pooled connection the server or a firewall dropped, a
 * database that restarted since) is tried once more on a new connection from the data source; a second failure is
 * thrown, naming the key and the table, and fails the poll (or the commit) it came from.</li>
 * </ul>
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);
    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";
    /** SQLSTATE class 23: integrity constraint violation (here: the key another writer inserted first). */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";
    /** SQLSTATE class 57: operator intervention (PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now). */
    private static final String OPERATOR_INTERVENTION = "57";

    private DataSource dataSource;
    private String tableName = "LUCID_SCIM_STATE";
    private boolean createTable = true;

    /** One statement (or a few) on a connection, tried again on a new one when the connection broke. */
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository needs a dataSource");
        }
        JdbcTables.checkName(tableName);
        if (createTable) {
            withConnection(connection -> {
                JdbcTables.createUnlessThere(connection, tableName,
                        "(STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE VARCHAR(1000000))", "STATE_KEY");
                return null;
            });
        }
    }

    @Override
    public String getState(String key) {
        try {
            return withConnection(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
                    select.setString(1, key);
                    try (ResultSet result = select.executeQuery()) {
                        return result.next() ? result.getString(1) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read state " + key + " from " + tableName + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try {
            withConnection(connection -> {
                if (update(connection, key, value) == 0 && !inserted(connection, key, value)) {
                    update(connection, key, value);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write state " + key + " to " + tableName + ": " + e.getMessage(),
                    e);
        }
    }

    private int update(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + tableName + " SET STATE_VALUE = ? WHERE STATE_KEY = ?")) {
            update.setString(1, value);
            update.setString(2, key);
            return update.executeUpdate();
        }
    }

    /** @return false when another writer inserted the key first */
    private boolean inserted(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (hasSqlState(e, INTEGRITY_CONSTRAINT_VIOLATION)) {
                return false;
            }
            throw e;
        }
    }

    private <T> T withConnection(Work<T> work) throws SQLException {
        try {
            return onNewConnection(work);
        } catch (SQLException e) {
            if (!isBrokenConnection(e)) {
                throw e;
            }
            LOG.warn("The connection to the state table {} broke ({}): trying once more on a new one", tableName,
                    e.getMessage());
            return onNewConnection(work);
        }
    }

    private <T> T onNewConnection(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                // the pool restores its own setting when the connection is returned
                connection.setAutoCommit(true);
            }
            return work.on(connection);
        }
    }

    private static boolean isBrokenConnection(SQLException e) {
        return e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
               || hasSqlState(e, CONNECTION_EXCEPTION) || hasSqlState(e, OPERATOR_INTERVENTION);
    }

    private static boolean hasSqlState(SQLException e, String sqlStateClass) {
        return e.getSQLState() != null && e.getSQLState().startsWith(sqlStateClass);
    }

    @Override
    protected void doStop() {
        // the data source belongs to the application
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }
}
