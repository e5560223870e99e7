package dev.lucidscim.camel.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a database table, for consumers on several nodes that must share their state (with a
 * cluster service electing the one that polls). Every read goes to the database, so a node taking over sees what the
 * previous leader committed. The table, created at start unless told otherwise, is:
 *
 * <pre>
 * CREATE TABLE LUCID_SCIM_STATE (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE VARCHAR(1000000))
 * </pre>
 *
 * (use a large text type of your database, such as {@code TEXT} or {@code CLOB}, when creating it yourself).
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DataSource dataSource;
    private String tableName = "LUCID_SCIM_STATE";
    private boolean createTable = true;

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
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("'" + tableName + "' is not a plain table name");
        }
        if (createTable) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + tableName
                                  + " (STATE_KEY VARCHAR(512) PRIMARY KEY, STATE_VALUE VARCHAR(1000000))");
            }
        }
    }

    @Override
    public String getState(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read state " + key + " from " + tableName, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + tableName + " SET STATE_VALUE = ? WHERE STATE_KEY = ?")) {
                update.setString(1, value);
                update.setString(2, key);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write state " + key + " to " + tableName, e);
        }
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
