package dev.lucidscim.jdbc;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.lucidscim.audit.AttributeChange;
import dev.lucidscim.audit.AuditChain;
import dev.lucidscim.audit.AuditRecord;
import dev.lucidscim.audit.ChainCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@link JdbcAuditLedger} does on any database: records come back as appended, two nodes appending at once
 * keep one unbroken chain, and the chain check finds a row altered or deleted with SQL.
 */
public abstract class JdbcAuditLedgerContract {

    private static final int PER_NODE = 40;

    /** A database with no audit table yet, one per test. */
    protected abstract DataSource freshDatabase() throws Exception;

    static AuditRecord write(String runId, String userName) {
        return new AuditRecord(0, Instant.parse("2026-12-01T10:15:30.123456Z"), "lucid.test", "reconcile", "User",
                "lucid-" + userName, userName, "PATCH",
                List.of(new AttributeChange("title", TextNode.valueOf("Engineer"), TextNode.valueOf("Lead")),
                        new AttributeChange("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                                null, TextNode.valueOf("Sales")),
                        new AttributeChange("password", null, null)),
                "updated", 200, "W/\"3\"", null, runId, null, "exchange-1", null, null);
    }

    @Test
    void recordsComeBackAsAppendedAndByRun() throws Exception {
        JdbcAuditLedger ledger = new JdbcAuditLedger(freshDatabase());
        AuditRecord first = ledger.append(write("run-1", "ann"));
        AuditRecord second = ledger.append(write("run-2", "bob"));
        AuditRecord third = ledger.append(write("run-1", "cat"));

        assertThat(ledger.all()).containsExactly(first, second, third);
        assertThat(ledger.recordsOfRun("run-1")).containsExactly(first, third);
        assertThat(ledger.runs(10)).extracting(run -> run.runId()).containsExactlyInAnyOrder("run-1", "run-2");
        assertThat(AuditChain.check(ledger.all()).intact()).isTrue();
    }

    @Test
    void twoNodesAppendingAtOnceKeepOneUnbrokenChain() throws Exception {
        DataSource database = freshDatabase();
        List<JdbcAuditLedger> nodes = List.of(new JdbcAuditLedger(database), new JdbcAuditLedger(database));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> appending = new ArrayList<>();
            for (int node = 0; node < nodes.size(); node++) {
                JdbcAuditLedger ledger = nodes.get(node);
                String runId = "node-" + node;
                appending.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_NODE; i++) {
                        ledger.append(write(runId, runId + "-user-" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> node : appending) {
                node.get();
            }
        } finally {
            threads.shutdownNow();
        }
        List<AuditRecord> all = nodes.get(0).all();
        assertThat(all).hasSize(nodes.size() * PER_NODE);
        assertThat(AuditChain.check(all).intact()).isTrue();
        assertThat(nodes.get(1).recordsOfRun("node-0")).hasSize(PER_NODE);
    }

    @Test
    void theChainCheckFindsARowAlteredOrDeletedWithSql() throws Exception {
        DataSource database = freshDatabase();
        JdbcAuditLedger ledger = new JdbcAuditLedger(database);
        for (String name : List.of("ann", "bob", "cat", "dan")) {
            ledger.append(write("run-1", name));
        }
        sql(database, "UPDATE lucid_scim_audit SET CHANGES = REPLACE(CHANGES, 'Lead', 'Admin') WHERE SEQUENCE = 2");
        ChainCheck altered = AuditChain.check(ledger.all());
        assertThat(altered.kind()).isEqualTo(ChainCheck.Break.ALTERED);
        assertThat(altered.brokenAt()).isEqualTo(2);

        sql(database, "DELETE FROM lucid_scim_audit WHERE SEQUENCE = 2");
        ChainCheck removed = AuditChain.check(ledger.all());
        assertThat(removed.kind()).isEqualTo(ChainCheck.Break.REMOVED);
        assertThat(removed.brokenAt()).isEqualTo(2);
        assertThat(removed.why()).contains("record 2 is missing");
    }

    private static void sql(DataSource database, String statement) throws Exception {
        try (Connection connection = database.getConnection(); Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate(statement)).isEqualTo(1);
        }
    }
}
