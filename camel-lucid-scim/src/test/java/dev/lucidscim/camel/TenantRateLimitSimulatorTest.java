package dev.lucidscim.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import dev.lucidscim.client.TenantStatistics;
import dev.lucidscim.model.ScimUser;
import dev.lucidscim.simulator.LucidScimSimulator;
import dev.lucidscim.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers in flight against a simulated tenant with Lucid's kind of limit (25 requests/s, a burst of 5, 429 with
 * {@code Retry-After}, requests during the window extend it) and a round trip of 60 ms: a parallel split sends one
 * create per user through ten threads. Paced below the limit, the tenant answers no 429; paced above it, each 429
 * holds every writer until its {@code Retry-After}, so no request reaches the tenant inside a window it opened; with
 * the adaptive rate configured above the limit, the 429s stop once the rate has come down. Every user is created
 * exactly once whatever happens.
 */
class TenantRateLimitSimulatorTest {

    private static final int WRITERS = 10;
    private static final double TENANT_RATE = 25;
    private static final int TENANT_BURST = 5;
    /** The simulator's Retry-After is whole seconds and at least one. */
    private static final Duration SHORTEST_RETRY_AFTER = Duration.ofSeconds(1);
    /**
     * A request the client sent before it read a 429 may reach the simulator after the 429 was recorded (on a busy
     * host, tens of milliseconds after): the window checked starts this long after it.
     */
    private static final Duration ANSWER_TO_CLIENT = Duration.ofMillis(250);

    private LucidScimSimulator lucid;
    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (lucid != null) {
            lucid.stop();
        }
    }

    /**
     * A JVM's first requests are slow to go out (classes loaded, code not compiled yet), so that they reach the tenant
     * bunched together whatever their pace: the route runs once first against a simulator without limits.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        try (LucidScimSimulator unlimited = LucidScimSimulator.builder().build().start()) {
            CamelContext warming = startRoute(unlimited, "");
            try {
                assertThat(sendRoster(warming, 50).getException()).isNull();
            } finally {
                warming.stop();
            }
        }
    }

    /** A parallel split: one create per user, {@link #WRITERS} in flight. */
    private static CamelContext startRoute(LucidScimSimulator tenant, String options) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.setDevConsole(true);
        camel.addComponent("lucid-scim", SimulatedLucid.component(tenant));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:roster")
                        .split(body()).parallelProcessing().stopOnException().executorService(
                                getContext().getExecutorServiceManager().newFixedThreadPool(this, "writers", WRITERS))
                        .to("lucid-scim:users?operation=create" + options);
            }
        });
        camel.start();
        return camel;
    }

    private static Exchange sendRoster(CamelContext camel, int users) {
        List<ScimUser> roster = IntStream.range(0, users).mapToObj(TenantRateLimitSimulatorTest::employee).toList();
        return camel.createProducerTemplate().request("direct:roster", exchange -> exchange.getMessage()
                .setBody(roster));
    }

    private void start(String options) throws Exception {
        lucid = LucidScimSimulator.builder().latency(Duration.ofMillis(60), Duration.ofMillis(20))
                .rateLimit(TENANT_RATE, TENANT_BURST).build().start();
        context = startRoute(lucid, options);
    }

    /** Creates the users through the route and checks each one was created once, and nothing else written. */
    private void createAll(int users) {
        Exchange result = sendRoster(context, users);

        assertThat(result.getException()).isNull();
        assertThat(lucid.userCount()).isEqualTo(users);
        assertThat(IntStream.range(0, users)).allSatisfy(number -> assertThat(
                lucid.userByUserName(employee(number).userName())).isPresent());
        List<RecordedRequest> posts = lucid.requests().matching(r -> r.method().equals("POST"));
        assertThat(posts).filteredOn(r -> r.status() == 201).as("creates applied").hasSize(users);
        assertThat(posts).allSatisfy(r -> assertThat(r.status()).as("POST answered").isIn(201, 429));
    }

    private static ScimUser employee(int number) {
        String address = "employee" + number + "@example.com";
        return ScimUser.builder().userName(address).email(address).name("Employee", "No" + number).build();
    }

    private long rateLimited() {
        return lucid.requests().countWithStatus(429);
    }

    private static Instant arrival(RecordedRequest request) {
        return request.at().minus(request.duration());
    }

    /**
     * Requests that reached the tenant inside a window a 429 opened: after the client had the 429 (a request sent
     * before cannot be helped) and before the shortest {@code Retry-After} from the 429's arrival ended.
     */
    private List<RecordedRequest> sentIntoAWindow() {
        List<RecordedRequest> all = lucid.requests().all();
        return all.stream().filter(request -> all.stream().filter(r -> r.status() == 429).anyMatch(limited ->
                arrival(request).isAfter(limited.at().plus(ANSWER_TO_CLIENT))
                && arrival(request).isBefore(arrival(limited).plus(SHORTEST_RETRY_AFTER)))).toList();
    }

    private TenantStatistics tenant() {
        return LucidScimStatistics.tenants(context).get(0);
    }

    @Test
    void pacedBelowTheTenantsLimitTheWritersMeetNo429() throws Exception {
        start("&requestsPerSecond=20");

        createAll(80);

        // Ten writers let loose at once would meet five 429s at the start: the tenant's burst is 5.
        assertThat(rateLimited()).as("429s").isLessThanOrEqualTo(1);
        assertThat(tenant().requestsPerSecond()).isEqualTo(20.0);
    }

    @Test
    void a429HoldsEveryWriterUntilItsRetryAfter() throws Exception {
        start("&requestsPerSecond=40");

        createAll(50);

        assertThat(rateLimited()).as("40/s against 25/s meets 429s").isPositive();
        assertThat(sentIntoAWindow()).as("requests sent into a Retry-After window").isEmpty();
        assertThat(tenant().retryAfterWaitNanos()).as("writers held").isPositive();
    }

    @Test
    void theAdaptiveRateComesDownBelowTheTenantsLimitAndThe429sStop() throws Exception {
        try (LogCapture log = new LogCapture(Level.INFO, "dev.lucidscim.client.AdaptiveRate")) {
            start("&requestsPerSecond=30&adaptiveRate=true");

            createAll(150);

            List<RecordedRequest> byArrival = lucid.requests().all().stream()
                    .sorted(Comparator.comparing(TenantRateLimitSimulatorTest::arrival)).toList();
            // 30/s drains the tenant's burst in about a second, then a 429 leaves 21/s.
            assertThat(rateLimited()).as("30/s against 25/s meets 429s at first").isPositive();
            assertThat(byArrival.subList(byArrival.size() - 90, byArrival.size())).as("the last 90 requests")
                    .noneMatch(r -> r.status() == 429);
            assertThat(sentIntoAWindow()).isEmpty();
            assertThat(tenant().requestsPerSecond()).isLessThan(TENANT_RATE).isGreaterThan(1);
            assertThat(tenant().configuredRequestsPerSecond()).isEqualTo(30.0);
            String console = (String) DevConsoleRegistry.get(context).getConsole("lucid-scim").orElseThrow()
                    .call(DevConsole.MediaType.TEXT);
            assertThat(console).containsPattern("Rate: \\d+(\\.\\d)? of 30 requests/s \\(adaptive\\)");
            assertThat(log.text()).contains("Requests to 127.0.0.1:" + lucid.port() + " now paced at 21.0 per "
                                            + "second after a 429").doesNotContain(lucid.token());
        }
    }
}
