package dev.lucidscim.camel.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import dev.lucidscim.camel.SimulatedLucid;
import dev.lucidscim.jdbc.PostgresRateBudget;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (Camel contexts, each with its own component, connection pool and budget object, as two processes would
 * have) write to one simulated tenant with Lucid's kind of limit (25 requests/s, a burst of 5) at
 * {@code requestsPerSecond=20} each. Sharing a {@link PostgresRateBudget} in a real PostgreSQL ({@link PostgresServer},
 * started by the test), they send 20 per second between them: the simulator's request log shows no second above the
 * tenant's limit and no 429. Without it each sends 20 per second, 40 in all, and meets 429s. With the adaptive rate
 * above the tenant's limit, the rate one node brought down after a 429 is the one both send at.
 */
class SharedRateBudgetTest {

    private static final int WRITERS = 5;
    private static final double TENANT_RATE = 25;
    private static final int TENANT_BURST = 5;
    private static final int USERS_PER_NODE = 40;

    private static PostgresServer postgres;
    private LucidScimSimulator lucid;
    private final List<CamelContext> nodes = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    /**
     * A JVM's first requests are slow to go out (classes loaded, code not compiled yet), so that they reach the tenant
     * bunched together whatever their pace: both kinds of node run once first against a simulator without limits.
     */
    @BeforeAll
    static void startPostgresAndWarmUp() throws Exception {
        postgres = PostgresServer.start();
        SharedRateBudgetTest warming = new SharedRateBudgetTest();
        warming.lucid = LucidScimSimulator.builder().build().start();
        try {
            warming.createOnBothNodes("&requestsPerSecond=200", true);
            warming.stop();
            warming.nodes.clear();
            warming.pools.clear();
            warming.lucid = LucidScimSimulator.builder().build().start();
            warming.createOnBothNodes("&requestsPerSecond=200", false);
        } finally {
            warming.stop();
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @AfterEach
    void stop() {
        nodes.forEach(CamelContext::stop);
        pools.forEach(HikariDataSource::close);
        if (lucid != null) {
            lucid.stop();
        }
    }

    /** A node: a parallel split, one create per user, {@link #WRITERS} in flight; its own budget if shared. */
    private CamelContext startNode(String name, String options, boolean sharedBudget) throws Exception {
        CamelContext node = new DefaultCamelContext();
        node.getCamelContextExtension().setName(name);
        if (sharedBudget) {
            HikariDataSource pool = postgres.pool(name);
            pools.add(pool);
            node.getRegistry().bind("budget", new PostgresRateBudget(pool));
        }
        node.addComponent("lucid-scim", SimulatedLucid.component(lucid));
        node.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:roster")
                        .split(body()).parallelProcessing().stopOnException().executorService(
                                getContext().getExecutorServiceManager().newFixedThreadPool(this, "writers", WRITERS))
                        .to("lucid-scim:users?operation=create" + options
                            + (sharedBudget ? "&rateBudget=#budget" : ""));
            }
        });
        node.start();
        nodes.add(node);
        return node;
    }

    private void startTenant() {
        lucid = LucidScimSimulator.builder().latency(Duration.ofMillis(60), Duration.ofMillis(20))
                .rateLimit(TENANT_RATE, TENANT_BURST).build().start();
    }

    /** Both nodes send their roster at once; each user is created once. */
    private void createOnBothNodes(String options, boolean sharedBudget) throws Exception {
        CamelContext one = startNode("one", options, sharedBudget);
        CamelContext two = startNode("two", options, sharedBudget);
        CompletableFuture<Exchange> first = CompletableFuture.supplyAsync(() -> sendRoster(one, "one"));
        CompletableFuture<Exchange> second = CompletableFuture.supplyAsync(() -> sendRoster(two, "two"));

        assertThat(first.get().getException()).isNull();
        assertThat(second.get().getException()).isNull();
        assertThat(lucid.userCount()).isEqualTo(2 * USERS_PER_NODE);
        assertThat(lucid.requests().matching(r -> r.method().equals("POST")))
                .filteredOn(r -> r.status() == 201).as("creates applied").hasSize(2 * USERS_PER_NODE);
    }

    private static Exchange sendRoster(CamelContext node, String name) {
        List<ScimUser> roster = IntStream.range(0, USERS_PER_NODE).mapToObj(number -> employee(name, number)).toList();
        return node.createProducerTemplate().request("direct:roster", exchange -> exchange.getMessage()
                .setBody(roster));
    }

    private static ScimUser employee(String node, int number) {
        String address = node + "-employee" + number + "@example.com";
        return ScimUser.builder().userName(address).email(address).name("Employee", "No" + number).build();
    }

    private static Instant arrival(RecordedRequest request) {
        return request.at().minus(request.duration());
    }

    /** The most requests that reached the tenant within any one second, from the simulator's log. */
    private int busiestSecond() {
        List<Instant> arrivals = lucid.requests().all().stream().map(SharedRateBudgetTest::arrival)
                .sorted(Comparator.naturalOrder()).toList();
        int busiest = 0;
        for (int first = 0, last = 0; first < arrivals.size(); first++) {
            while (last < arrivals.size() && arrivals.get(last).isBefore(arrivals.get(first).plusSeconds(1))) {
                last++;
            }
            busiest = Math.max(busiest, last - first);
        }
        return busiest;
    }

    /** Requests per tenth of a second since the first, to read a failure. */
    private List<Long> arrivalsByTenth() {
        List<Instant> arrivals = lucid.requests().all().stream().map(SharedRateBudgetTest::arrival)
                .sorted(Comparator.naturalOrder()).toList();
        List<Long> tenths = new ArrayList<>();
        for (Instant at : arrivals) {
            int tenth = (int) (Duration.between(arrivals.get(0), at).toMillis() / 100);
            while (tenths.size() <= tenth) {
                tenths.add(0L);
            }
            tenths.set(tenth, tenths.get(tenth) + 1);
        }
        return tenths;
    }

    @Test
    void twoNodesSharingTheBudgetSendTheConfiguredRateBetweenThem() throws Exception {
        startTenant();

        createOnBothNodes("&requestsPerSecond=20", true);

        assertThat(lucid.requests().countWithStatus(429)).as("429s, arrivals %s", arrivalsByTenth()).isZero();
        assertThat(busiestSecond()).as("requests in the busiest second").isLessThanOrEqualTo((int) TENANT_RATE);
    }

    /** The same nodes without the shared budget: the test above can fail. */
    @Test
    void twoNodesPacedEachOnItsOwnSendTwiceTheRateAndMeet429s() throws Exception {
        startTenant();

        createOnBothNodes("&requestsPerSecond=20", false);

        assertThat(lucid.requests().countWithStatus(429)).as("429s").isPositive();
    }

    /**
     * Configured above the tenant's limit, adaptive: a 429 on either node lowers the rate of the shared bucket, and
     * the other node sends at it too, so the 429s stop for both (a node that kept its own rate would go on meeting
     * them: its requests are half the tenant's traffic).
     */
    @Test
    void theAdaptedRateIsTheOneBothNodesShare() throws Exception {
        startTenant();

        createOnBothNodes("&requestsPerSecond=40&adaptiveRate=true", true);

        List<RecordedRequest> byArrival = lucid.requests().all().stream()
                .sorted(Comparator.comparing(SharedRateBudgetTest::arrival)).toList();
        assertThat(lucid.requests().countWithStatus(429)).as("40/s against 25/s meets 429s at first").isPositive();
        // 40/s, then 28/s after a 429, then 19.6/s after another: the last requests go at the second rate
        int last = USERS_PER_NODE / 2;
        assertThat(byArrival.subList(byArrival.size() - last, byArrival.size()))
                .as("the last %d requests, arrivals %s", last, arrivalsByTenth())
                .noneMatch(r -> r.status() == 429);
    }
}
