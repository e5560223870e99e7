package dev.lucidscim.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.audit.AuditChain;
import dev.lucidscim.audit.AuditLedger;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.AuditRun;
import dev.lucidscim.audit.AuditRuns;
import dev.lucidscim.model.ScimJson;

/**
 * The audit ledger as a table ({@code lucid_scim_audit} by default), created unless it is there, on the database of
 * the {@code JdbcStateRepository}: it lasts, and every node that writes to it keeps one chain. An append is one
 * transaction that reads the tail and inserts the next record; the sequence is the primary key, so of two nodes
 * appending at once one inserts and the other, refused, reads the new tail and chains after it. On PostgreSQL the
 * table is also locked ({@code LOCK TABLE ... IN EXCLUSIVE MODE}, which readers pass) so that appends queue rather
 * than retry. The changes are stored as JSON, the other fields as columns.
 */
public final class JdbcAuditLedger implements AuditLedger {

    public static final String DEFAULT_TABLE = "lucid_scim_audit";

    /** Appends at once beyond this many refused in a row mean something else is wrong. */
    private static final int MAX_ATTEMPTS = 100;
    private static final String COLUMNS = "SEQUENCE, RECORDED_AT, TENANT_HOST, OPERATION, RESOURCE_TYPE, "
                                          + "RESOURCE_ID, NAME, METHOD, CHANGES, OUTCOME, STATUS, VERSION, DETAIL, "
                                          + "RUN_ID, PLAN_ID, EXCHANGE_ID, PREVIOUS_HASH, HASH";
    private static final TypeReference<List<AttributeChange>> CHANGES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final String table;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public JdbcAuditLedger(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /** Creates the table unless it is there. */
    public JdbcAuditLedger(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = JdbcTables.checkName(table);
        try (Connection connection = dataSource.getConnection()) {
            JdbcTables.createUnlessThere(connection, table, "(SEQUENCE BIGINT PRIMARY KEY, "
                    + "RECORDED_AT VARCHAR(64) NOT NULL, TENANT_HOST VARCHAR(512), OPERATION VARCHAR(64), "
                    + "RESOURCE_TYPE VARCHAR(16), RESOURCE_ID VARCHAR(512), NAME VARCHAR(1024), "
                    + "METHOD VARCHAR(8), CHANGES VARCHAR(1000000) NOT NULL, OUTCOME VARCHAR(32), STATUS INTEGER, "
                    + "VERSION VARCHAR(512), DETAIL VARCHAR(4000), RUN_ID VARCHAR(512), PLAN_ID VARCHAR(512), "
                    + "EXCHANGE_ID VARCHAR(512), PREVIOUS_HASH VARCHAR(64) NOT NULL, HASH VARCHAR(64) NOT NULL)",
                    "SEQUENCE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the audit table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AuditRecord append(AuditRecord unchained) {
        SQLException refused = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    AuditRecord chained = AuditChain.chain(unchained, tail(connection));
                    insert(connection, chained);
                    connection.commit();
                    return chained;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                    refused = e; // another node took this sequence: chain after its record
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot append to the audit table " + table + ": " + e.getMessage(),
                        e);
            }
        }
        throw new IllegalStateException("Cannot append to the audit table " + table + ": " + MAX_ATTEMPTS
                                        + " appends in a row lost to others", refused);
    }

    @Override
    public List<AuditRecord> recordsOfRun(String runId) {
        return select(" WHERE RUN_ID = ? ORDER BY SEQUENCE", runId);
    }

    /** Reads every record of the table: for a large table, query it by run instead. */
    @Override
    public List<AuditRun> runs(int limit) {
        return AuditRuns.of(all(), limit);
    }

    @Override
    public List<AuditRecord> all() {
        return select(" ORDER BY SEQUENCE", null);
    }

    private AuditRecord tail(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE SEQUENCE = (SELECT MAX(SEQUENCE) FROM " + table + ")");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? read(rows) : null;
        }
    }

    private void insert(Connection connection, AuditRecord record) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, record.sequence());
            statement.setString(2, record.time().toString());
            statement.setString(3, record.tenantHost());
            statement.setString(4, record.operation());
            statement.setString(5, record.resourceType());
            statement.setString(6, record.resourceId());
            statement.setString(7, record.name());
            statement.setString(8, record.method());
            statement.setString(9, new String(ScimJson.toBytes(record.changes()), StandardCharsets.UTF_8));
            statement.setString(10, record.outcome());
            statement.setInt(11, record.status());
            statement.setString(12, record.version());
            statement.setString(13, record.detail());
            statement.setString(14, record.runId());
            statement.setString(15, record.planId());
            statement.setString(16, record.exchangeId());
            statement.setString(17, record.previousHash());
            statement.setString(18, record.hash());
            statement.executeUpdate();
        }
    }

    private List<AuditRecord> select(String where, String parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                     + where)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(read(rows));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit table " + table + ": " + e.getMessage(), e);
        }
    }

    private AuditRecord read(ResultSet row) throws SQLException {
        List<AttributeChange> changes;
        try {
            changes = json.readValue(row.getString("CHANGES"), CHANGES);
        } catch (IOException e) {
            throw new UncheckedIOException("Record " + row.getLong("SEQUENCE") + " of " + table
                                           + " holds changes that are not JSON", e);
        }
        return new AuditRecord(row.getLong("SEQUENCE"), Instant.parse(row.getString("RECORDED_AT")),
                row.getString("TENANT_HOST"), row.getString("OPERATION"), row.getString("RESOURCE_TYPE"),
                row.getString("RESOURCE_ID"), row.getString("NAME"), row.getString("METHOD"), changes,
                row.getString("OUTCOME"), row.getInt("STATUS"), row.getString("VERSION"), row.getString("DETAIL"),
                row.getString("RUN_ID"), row.getString("PLAN_ID"), row.getString("EXCHANGE_ID"),
                row.getString("PREVIOUS_HASH"), row.getString("HASH"));
    }

    /** SQLState 23505 (unique violation) on PostgreSQL and H2; class 23 elsewhere. */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
