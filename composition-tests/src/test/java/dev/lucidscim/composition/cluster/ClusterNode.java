package dev.lucidscim.composition.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.lucidscim.camel.LucidScimComponent;
import dev.lucidscim.camel.LucidScimConfiguration;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.consumer.JdbcStateRepository;
import dev.lucidscim.jdbc.PostgresRateBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

/**
 * One replica of a deployment, in its own JVM, as {@link ProcessFailoverTest} starts three: the change feed under
 * Camel's cluster service (a file lock on a shared folder elects the leader; the route runs on the leader only), its
 * state in PostgreSQL, and on every node a provisioning route that reads users as fast as the rate allows, all of it
 * drawing from one rate budget in the same database (unless {@code node.sharedBudget=false}).
 * <p>
 * Each change delivered is appended to the node's deliveries file and forced to disk before the exchange ends (and
 * before the consumer commits it), so that what a node killed with SIGKILL delivered is on record; then the exchange
 * takes {@code node.processingMillis}, the window in which a kill leaves it delivered but not committed.
 * Settings are system properties: {@code node.name}, {@code node.tenantUrl}, {@code node.token}, {@code node.jdbcUrl},
 * {@code node.jdbcUser}, {@code node.lockFolder}, {@code node.deliveries}, {@code node.requestsPerSecond},
 * {@code node.sharedBudget}, {@code node.processingMillis}, {@code node.readUserId}.
 */
public final class ClusterNode {

    /** Printed on standard output once the node's context has started. */
    static final String READY = "NODE READY";
    /** The cluster namespace: the file lock's name in the shared folder. */
    static final String NAMESPACE = "lucid-directory";
    /** How often a follower tries the lock, and how often the leader writes its heartbeat beside it. */
    static final long LOCK_INTERVAL_MILLIS = 1000;
    /**
     * Camel's default: a follower takes the lock once the leader's heartbeat is this many intervals old, so that a
     * leader killed with SIGKILL (its file lock freed at once by the kernel) is replaced within 5 intervals.
     */
    static final int HEARTBEAT_TIMEOUT_MULTIPLIER = 5;

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = setting("node.name");
        HikariDataSource database = new HikariDataSource();
        database.setJdbcUrl(setting("node.jdbcUrl"));
        database.setUsername(setting("node.jdbcUser"));
        database.setMaximumPoolSize(4);

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(setting("node.lockFolder"));
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(LOCK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(HEARTBEAT_TIMEOUT_MULTIPLIER);
        context.addService(cluster);
        context.getRegistry().bind("state", new JdbcStateRepository(database));

        LucidScimComponent component = new LucidScimComponent();
        LucidScimConfiguration configuration = component.getConfiguration();
        configuration.setTenantUrl(setting("node.tenantUrl"));
        configuration.setBearerToken(setting("node.token"));
        configuration.setRequestsPerSecond(Double.parseDouble(setting("node.requestsPerSecond")));
        if (Boolean.parseBoolean(setting("node.sharedBudget"))) {
            configuration.setRateBudget(new PostgresRateBudget(database));
        }
        context.addComponent("lucid-scim", component);

        Path deliveries = Path.of(setting("node.deliveries"));
        long processingMillis = Long.parseLong(setting("node.processingMillis"));
        String readUserId = setting("node.readUserId");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("lucid-scim:users?stateRepository=#state&stateKey=directory&resolveRemoved=true"
                     + "&initialDelay=0&delay=200")
                        .routeId("feed").routePolicy(ClusteredRoutePolicy.forNamespace(NAMESPACE))
                        .process(exchange -> record(deliveries, name, exchange))
                        .delay(processingMillis);
                // every node provisions: reads of one user, as fast as the rate budget lets them go
                from("timer:provision?period=1").routeId("provision")
                        .setHeader(LucidScimConstants.RESOURCE_ID, constant(readUserId))
                        .to("lucid-scim:users?operation=get");
            }
        });
        context.start();
        System.out.println(READY);
        new CountDownLatch(1).await();
    }

    /** One line per delivered change, on disk before the consumer may commit it. */
    private static synchronized void record(Path deliveries, String name, Exchange exchange) throws IOException {
        String line = name + " " + System.currentTimeMillis() + " "
                      + exchange.getMessage().getHeader(LucidScimConstants.CHANGE_ID) + " "
                      + exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID) + " "
                      + exchange.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE) + "\n";
        try (FileChannel file = FileChannel.open(deliveries, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            file.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            file.force(true);
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("Set -D" + name + " (see ClusterNode's javadoc)");
        }
        return value;
    }
}
