package dev.lucidscim.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients that trickle their requests are cut off, so that they cannot hold every worker. */
class SlowClientTest extends SimulatorTestSupport {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);
    /** More than the 64 workers of the default simulator. */
    private static final int TRICKLERS = 70;
    private static final Duration TRICKLE_AT_MOST = Duration.ofSeconds(8);

    /** Hides the default start: this class's simulator gives clients half a second (and has 64 workers). */
    @BeforeAll
    static void startSimulator() {
        startSimulator(LucidScimSimulator.builder().clientTimeout(CLIENT_TIMEOUT));
    }

    @Test
    void seventyTricklingConnectionsDoNotStopANormalRequest() throws Exception {
        List<RawHttp> tricklers = new ArrayList<>();
        ExecutorService trickling = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < TRICKLERS; i++) {
                RawHttp http = RawHttp.connect(simulator);
                tricklers.add(http);
                // Half never end their headers; half announce a body and trickle it.
                http.send(i % 2 == 0 ? "GET " + LucidScimSimulator.DEFAULT_BASE_PATH + "/Users HTTP/1.1\r\nX-Slow: "
                        : RawHttp.head("POST", "/Users", "Host: 127.0.0.1", "Authorization: Bearer "
                                + simulator.token(), "Content-Type: application/scim+json", "Content-Length: 100000"));
            }
            Future<Integer> cutOff = trickling.submit(() -> trickle(tricklers));
            Thread.sleep(300); // every trickler has been picked up by a worker

            long start = System.nanoTime();
            ScimClient.Response response = scim.get("/ServiceProviderConfig");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            System.out.printf("With %d trickling connections, a normal request was answered in %d ms%n", TRICKLERS,
                    took.toMillis());
            assertThat(response.status()).isEqualTo(200);
            assertThat(took).as("the tricklers trickle for " + TRICKLE_AT_MOST).isLessThan(Duration.ofSeconds(3));
            assertThat(cutOff.get(20, TimeUnit.SECONDS)).as("trickling connections the simulator closed")
                    .isEqualTo(TRICKLERS);
        } finally {
            trickling.shutdownNow();
            for (RawHttp http : tricklers) {
                http.close();
            }
        }
    }

    @Test
    void theSimulatorsOwnTimeDoesNotCount() {
        simulator.faults().add(FaultRule.delay(CLIENT_TIMEOUT.multipliedBy(3)));

        ScimClient.Response response = scim.post("/Users", Scim.user("jane@example.com"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /**
     * Sends a byte on every connection each 100 ms, for {@link #TRICKLE_AT_MOST} at the most.
     *
     * @return how many connections the simulator closed meanwhile
     */
    private static int trickle(List<RawHttp> connections) throws InterruptedException {
        Set<RawHttp> open = new HashSet<>(connections);
        long end = System.nanoTime() + TRICKLE_AT_MOST.toNanos();
        while (!open.isEmpty() && System.nanoTime() < end) {
            for (Iterator<RawHttp> connection = open.iterator(); connection.hasNext(); ) {
                try {
                    connection.next().send("a");
                } catch (IOException closed) {
                    connection.remove();
                }
            }
            Thread.sleep(100);
        }
        return connections.size() - open.size();
    }
}
