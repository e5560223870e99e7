package dev.lucidscim.camel.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lucidscim.camel.ConsumerHealthChecks;
import dev.lucidscim.camel.LogCapture;
import dev.lucidscim.camel.LucidScimConstants;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.camel.consumer.JdbcStateRepository;
import dev.lucidscim.camel.consumer.LucidScimConsumer;
import dev.lucidscim.simulator.LucidScimSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change feed in a route with its state in a real PostgreSQL server ({@link PostgresServer}, started by the test:
 * the build needs nothing installed) through a connection pool, while the database misbehaves: a pooled connection
 * dropped by the server in the middle of a poll, and the whole server restarted. The feed goes on; each change is
 * delivered once, but for the one whose commit the database was gone for (delivered again, with the same change id:
 * at least once).
 */
class LucidScimConsumerPostgresTest {

    private PostgresServer postgres;
    private HikariDataSource pool;
    private LucidScimSimulator lucid;
    private CamelContext context;
    /** "id type changeId" per exchange, in order */
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dropNextConnection = new AtomicBoolean();
    private final AtomicInteger connectionsDropped = new AtomicInteger();
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        postgres = PostgresServer.start();
        pool = postgres.pool("state");
        lucid = LucidScimSimulator.builder().build().start();
    }

    @AfterEach
    void stop() throws Exception {
        if (log != null) {
            log.close();
        }
        if (context != null) {
            context.stop();
        }
        lucid.stop();
        pool.close();
        postgres.close();
    }

    private void startFeed(ExchangeHook onDelivery) throws Exception {
        context = new DefaultCamelContext();
        ConsumerHealthChecks.register(context);
        context.getRegistry().bind("state", new JdbcStateRepository(droppingOnDemand(pool)));
        context.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lucid-scim:users?stateRepository=#state&initialDelay=0&delay=100").routeId("feed")
                        .process(exchange -> {
                            delivered.add(exchange.getMessage().getHeader(LucidScimConstants.RESOURCE_ID) + " "
                                          + exchange.getMessage().getHeader(LucidScimConstants.CHANGE_TYPE) + " "
                                          + exchange.getMessage().getHeader(LucidScimConstants.CHANGE_ID));
                            onDelivery.on(exchange);
                        });
            }
        });
        context.start();
    }

    private interface ExchangeHook {
        void on(Exchange exchange) throws Exception;
    }

    /** The pool, but the connection it hands out once armed has lost its server side, as a pool cannot tell. */
    private DataSource droppingOnDemand(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, arguments) -> {
                    try {
                        Object result = method.invoke(dataSource, arguments);
                        if (result instanceof Connection connection && dropNextConnection.compareAndSet(true, false)) {
                            postgres.terminateBackendOf(connection);
                            connectionsDropped.incrementAndGet();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private String seed(String userName) {
        return lucid.seedUser("{\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\"" + userName + "\"}]}");
    }

    private List<String> deliveriesOf(String id) {
        return delivered.stream().filter(line -> line.startsWith(id + " ")).toList();
    }

    @Test
    void aConnectionDroppedMidPollLosesAndRepeatsNothing() throws Exception {
        String a = seed("a@example.com");
        String b = seed("b@example.com");
        String c = seed("c@example.com");
        // the next connection is the one that commits b, after its exchange succeeded
        startFeed(exchange -> dropNextConnection.set(b.equals(exchange.getMessage()
                .getHeader(LucidScimConstants.RESOURCE_ID))));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() == 3);
        String d = seed("d@example.com");
        // the poll that lists d lists a, b and c again: b would be delivered again had its commit been lost
        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveriesOf(d).isEmpty());

        for (String id : List.of(a, b, c, d)) {
            assertThat(deliveriesOf(id)).singleElement().asString().startsWith(id + " created ");
        }
        assertThat(delivered).hasSize(4);
        assertThat(connectionsDropped).hasValue(1);
    }

    @Test
    void aRestartedDatabaseFailsPollsClearlyUntilItIsBackAndTheFeedResumes() throws Exception {
        String a = seed("a@example.com");
        String b = seed("b@example.com");
        AtomicBoolean stopDatabase = new AtomicBoolean();
        log = new LogCapture(Level.WARN, LucidScimConsumer.class.getName());
        // the database goes away while c is being delivered, before c is committed
        startFeed(exchange -> {
            if (stopDatabase.compareAndSet(true, false)) {
                postgres.stop();
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() == 2);
        stopDatabase.set(true);
        String c = seed("c@example.com");

        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerHealthChecks.of(context, "feed")
                .filter(result -> result.getState() == HealthCheck.State.DOWN).isPresent());
        HealthCheck.Result down = ConsumerHealthChecks.of(context, "feed").orElseThrow();
        assertThat(down.getError()).get().asString().containsPattern("Cannot (read|write) state")
                .contains("LUCID_SCIM_STATE");
        String d = seed("d@example.com");
        postgres.restart();

        await().atMost(Duration.ofSeconds(60)).until(() -> !deliveriesOf(d).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerHealthChecks.of(context, "feed")
                .filter(result -> result.getState() == HealthCheck.State.UP).isPresent());
        for (String id : List.of(a, b, d)) {
            assertThat(deliveriesOf(id)).singleElement().asString().startsWith(id + " created ");
        }
        // c's exchange succeeded but its commit found no database: delivered again, as the same change
        assertThat(deliveriesOf(c)).hasSize(2).allMatch(line -> line.startsWith(c + " created "))
                .containsOnly(deliveriesOf(c).get(0));
        assertThat(delivered).hasSize(5);
        assertThat(log.text()).contains("The change " + deliveriesOf(c).get(0).split(" ")[2]
                                        + " was delivered but could not be committed", "delivered again");
    }
}
