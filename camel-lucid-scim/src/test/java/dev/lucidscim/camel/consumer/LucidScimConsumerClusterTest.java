package dev.lucidscim.camel.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Camel contexts ("nodes") run the same change feed under Camel's cluster service (a file lock elects the
 * leader, a ClusteredRoutePolicy starts the route on the leader only) and share their state in a database: only
 * one polls, the other takes over when the first stops, and the feed continues without loss or repeat.
 */
class LucidScimConsumerClusterTest {

    @TempDir
    Path lockFolder;
    private LucidScimSimulator lucid;
    private JdbcDataSource database;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<CamelContext> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        lucid = LucidScimSimulator.builder().build().start();
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:lucid-cluster-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void stop() throws Exception {
        for (CamelContext node : nodes) {
            node.stop();
        }
        lucid.stop();
    }

    private CamelContext startNode(String name) throws Exception {
        CamelContext node = new DefaultCamelContext();
        node.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(lockFolder.toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        node.addService(cluster);
        node.getRegistry().bind("state", new JdbcStateRepository(database));
        LucidScimComponent component = SimulatedLucid.component(lucid);
        node.addComponent("lucid-scim", component);
        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("lucid-scim:users?stateRepository=#state&initialDelay=0&delay=100").routeId("feed")
                        .routePolicy(ClusteredRoutePolicy.forNamespace("lucid-directory"))
                        .process(exchange -> delivered.add(name + " " + exchange.getMessage()
                                .getHeader(LucidScimConstants.RESOURCE_ID) + " " + exchange.getMessage()
                                .getHeader(LucidScimConstants.CHANGE_TYPE)));
            }
        });
        node.start();
        nodes.add(node);
        return node;
    }

    private String seed(String userName) {
        return lucid.seedUser("{\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\"}]}");
    }

    private static boolean polling(CamelContext node) {
        return node.getRouteController().getRouteStatus("feed") == ServiceStatus.Started;
    }

    @Test
    void exactlyOneNodePollsAndTheOtherTakesOverWithoutLossOrRepeat() throws Exception {
        String a = seed("a@example.com");
        String b = seed("b@example.com");
        CamelContext one = startNode("one");
        CamelContext two = startNode("two");

        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 2);
        CamelContext leader = polling(one) ? one : two;
        CamelContext follower = leader == one ? two : one;
        String leaderName = leader.getName();
        for (int i = 0; i < 10; i++) {
            assertThat(polling(one) && polling(two)).as("both nodes polling").isFalse();
            Thread.sleep(50);
        }
        assertThat(delivered).containsExactlyInAnyOrder(leaderName + " " + a + " created",
                leaderName + " " + b + " created");

        leader.stop();
        nodes.remove(leader);
        String c = seed("c@example.com");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() == 3);
        Thread.sleep(500);

        assertThat(polling(follower)).isTrue();
        assertThat(delivered).hasSize(3).last().isEqualTo(follower.getName() + " " + c + " created");
    }
}
