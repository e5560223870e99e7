package dev.lucidscim.camel.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lucidscim.camel.consumer.JdbcStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcStateRepository} on a real PostgreSQL server ({@link PostgresServer}: the test starts it, the build needs
 * nothing installed), where nodes meet each other: several creating the table at once, and several writing the same
 * keys at once (also on H2, which the other state tests use).
 */
class JdbcStateRepositoryPostgresTest {

    private static final int NODES = 6;
    private static PostgresServer postgres;
    private static final List<HikariDataSource> pools = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
        for (int node = 0; node < NODES; node++) {
            pools.add(postgres.pool("node-" + node));
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pools.forEach(HikariDataSource::close);
        postgres.close();
    }

    /** PostgreSQL's CREATE TABLE IF NOT EXISTS fails the loser of a race: every node must start all the same. */
    @Test
    void nodesCreatingTheTableAtOnceAllStart() throws Exception {
        for (int round = 0; round < 10; round++) {
            String table = "STATE_RACE_" + round;
            List<Object> outcomes = atOnce(NODES, node -> {
                JdbcStateRepository repository = new JdbcStateRepository(pools.get(node));
                repository.setTableName(table);
                repository.start();
                repository.setState("written-by", "node " + node);
                return "started";
            });
            assertThat(outcomes).as("round " + round).containsOnly("started");
        }
    }

    @Test
    void concurrentWritersOfTheSameKeysOnPostgres() throws Exception {
        assertConcurrentWritersKeepEveryKey(node -> pools.get(node), "STATE_WRITERS");
    }

    @Test
    void concurrentWritersOfTheSameKeysOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lucid-writers-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        assertConcurrentWritersKeepEveryKey(node -> h2, "STATE_WRITERS");
    }

    /**
     * Every node writes every key, none of which exists yet, so that inserts collide: no write fails, and each key
     * holds a value one of the nodes wrote last.
     */
    private void assertConcurrentWritersKeepEveryKey(Node<DataSource> dataSourceOf, String table) throws Exception {
        int keys = 200;
        JdbcStateRepository setUp = new JdbcStateRepository(dataSourceOf.run(0));
        setUp.setTableName(table);
        setUp.start();
        Map<String, String> lastWritten = new ConcurrentHashMap<>();
        List<Object> outcomes = atOnce(NODES, node -> {
            JdbcStateRepository repository = new JdbcStateRepository(dataSourceOf.run(node));
            repository.setTableName(table);
            repository.setCreateTable(false);
            repository.start();
            for (int key = 0; key < keys; key++) {
                repository.setState("key-" + key, "node " + node);
                lastWritten.merge("key-" + key, "node " + node, (a, b) -> a + "|" + b);
            }
            return "written";
        });

        assertThat(outcomes).containsOnly("written");
        for (int key = 0; key < keys; key++) {
            assertThat(setUp.getState("key-" + key)).as("key-" + key).isNotNull()
                    .isIn(List.of(lastWritten.get("key-" + key).split("\\|")));
        }
    }

    private interface Node<T> {
        T run(int node) throws Exception;
    }

    /** Runs the work on every node at the same moment; returns each node's result, or the exception it threw. */
    private static List<Object> atOnce(int nodes, Node<Object> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch ready = new CountDownLatch(nodes);
            List<Future<Object>> results = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                int number = node;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    try {
                        return work.run(number);
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
