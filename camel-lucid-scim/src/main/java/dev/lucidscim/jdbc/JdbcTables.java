package dev.lucidscim.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Tables the component creates for itself, when nodes starting together may all try at once. */
public final class JdbcTables {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private JdbcTables() {
    }

    /** @throws IllegalArgumentException the name is not a plain (optionally schema-qualified) table name */
    public static String checkName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("'" + tableName + "' is not a plain table name");
        }
        return tableName;
    }

    /**
     * Creates the table unless it is there.
     *
     * @param columns the column definitions, such as {@code (ID VARCHAR(512) PRIMARY KEY, STATE BYTEA)}
     * @param probe   a column of the table, to tell that it is there
     */
    public static void createUnlessThere(Connection connection, String tableName, String columns, String probe)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + tableName + " " + columns);
        } catch (SQLException e) {
            // PostgreSQL's IF NOT EXISTS is not safe against a concurrent CREATE: the loser fails (a duplicate key in
            // its catalog) although the table is there now, which is all that was asked.
            if (!exists(connection, tableName, probe)) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection, String tableName, String probe) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT " + probe + " FROM " + tableName + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
